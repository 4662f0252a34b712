package dev.tandem.android.session;

import android.app.Notification;
import android.app.Service;
import android.content.Context;
import android.content.Intent;
import android.content.pm.ServiceInfo;
import android.os.Build;
import android.os.IBinder;
import dev.tandem.android.SinceApi;
import dev.tandem.android.TandemApplication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The foreground service that keeps a support session alive while the customer uses other apps (the
 * technician is often guiding them through one): its ongoing notification says a session runs and
 * opens the chat. It runs from joining until the session is over. Android 14 needs a type; a live
 * support chat is none of the listed ones, so it is {@code specialUse} with its reason in the manifest.
 */
public final class SessionService extends Service {
    private static final Logger log = LoggerFactory.getLogger(SessionService.class);

    /** Starts (or refreshes) the service and its notification; false when Android refused. */
    static boolean start(Context context) {
        try {
            context.startForegroundService(new Intent(context, SessionService.class));
            return true;
        } catch (IllegalStateException | SecurityException notNow) {
            // Android 12+ refuses foreground services started from the background; the session
            // goes on, only without its notification until the customer opens the app again.
            log.warn("Android did not start the session's notification: {}", notNow.toString());
            return false;
        }
    }

    static void stop(Context context) {
        context.stopService(new Intent(context, SessionService.class));
    }

    @Override
    public int onStartCommand(Intent intent, int flags, int startId) {
        ActiveSession session = TandemApplication.session(this);
        Notification notification = new SessionNotifications(this).session(session.technician());
        if (Build.VERSION.SDK_INT >= 34) {
            startWithType(notification);
        } else {
            startForeground(SessionNotifications.SESSION_ID, notification);
        }
        if (session.phase() == ActiveSession.Phase.OVER || session.phase() == ActiveSession.Phase.IDLE) {
            stopSelf(); // the session ended before Android got here
        }
        return START_NOT_STICKY;
    }

    @SinceApi(34)
    private void startWithType(Notification notification) {
        startForeground(SessionNotifications.SESSION_ID, notification, ServiceInfo.FOREGROUND_SERVICE_TYPE_SPECIAL_USE);
    }

    @Override
    public IBinder onBind(Intent intent) {
        return null;
    }
}
