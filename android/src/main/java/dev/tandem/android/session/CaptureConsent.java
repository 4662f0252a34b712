package dev.tandem.android.session;

import android.content.Context;
import android.content.Intent;
import android.os.Handler;
import android.os.Looper;
import dev.tandem.android.screen.ProjectionConsentActivity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gets Android's own screen-capture dialog in front of the customer once the screen is to be shared.
 * Android 10+ blocks activities started from the background, silently: so while Tandem is in front
 * the dialog opens at once, and otherwise (or when it has not appeared within {@link #SHOWN_WITHIN_MILLIS})
 * a notification asks the customer to tap it. Until the capture runs, the app says it waits for
 * Android, never that the screen is shared. Main thread only.
 */
final class CaptureConsent {
    static final long SHOWN_WITHIN_MILLIS = 3000;
    private static final Logger log = LoggerFactory.getLogger(CaptureConsent.class);

    private final Context context;
    private final AppInFront inFront;
    private final SessionNotifications notifications;
    private final Handler main = new Handler(Looper.getMainLooper());
    private boolean asking;
    private boolean shown;
    private final Runnable checkShown = this::checkShown;

    CaptureConsent(Context context, AppInFront inFront, SessionNotifications notifications) {
        this.context = context;
        this.inFront = inFront;
        this.notifications = notifications;
    }

    /** The screen is to be shared and no capture runs: ask Android (once until answered). */
    void ask() {
        if (asking) {
            return;
        }
        asking = true;
        shown = false;
        if (inFront.now()) {
            context.startActivity(new Intent(context, ProjectionConsentActivity.class)
                    .addFlags(Intent.FLAG_ACTIVITY_NEW_TASK));
            main.postDelayed(checkShown, SHOWN_WITHIN_MILLIS);
        } else {
            log.info("Tandem is in the background: asking the customer through a notification to allow capture");
            notifications.allowCapture();
        }
    }

    /** The customer taps "Allow screen capture" again in the chat (the dialog was dismissed or blocked). */
    void askAgain() {
        asking = false;
        ask();
    }

    /** Android's dialog is on screen. */
    void shown() {
        shown = true;
        main.removeCallbacks(checkShown);
        notifications.consentHandled();
    }

    /** Answered (either way), or sharing ended: the next sharing asks again. */
    void done() {
        asking = false;
        main.removeCallbacks(checkShown);
        notifications.consentHandled();
    }

    boolean asking() {
        return asking;
    }

    private void checkShown() {
        if (asking && !shown) {
            log.info("Android's capture dialog did not appear (blocked from the background?): notifying instead");
            notifications.allowCapture();
        }
    }
}
