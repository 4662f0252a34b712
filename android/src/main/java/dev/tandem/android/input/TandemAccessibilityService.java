package dev.tandem.android.input;

import android.accessibilityservice.AccessibilityService;
import android.content.Intent;
import android.view.accessibility.AccessibilityEvent;
import dev.tandem.android.TandemApplication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tandem's accessibility service: Android runs it once the customer switches it on, and only then can
 * the app inject gestures. It reacts to no events; {@link AccessibilityInput} drives it while it is
 * connected. The connected instance is the truth about remote control (not the settings, which can
 * say "on" while Android has not bound the service yet or has stopped it): connecting and
 * disconnecting tell the technician at once.
 */
public final class TandemAccessibilityService extends AccessibilityService {
    private static final Logger log = LoggerFactory.getLogger(TandemAccessibilityService.class);
    private static volatile TandemAccessibilityService connected;

    /** The running service, or null when the customer has not switched it on (or Android stopped it). */
    public static TandemAccessibilityService connected() {
        return connected;
    }

    @Override
    protected void onServiceConnected() {
        connected = this;
        log.info("Remote control service connected");
        TandemApplication.session(this).refreshCapabilities();
    }

    @Override
    public void onAccessibilityEvent(AccessibilityEvent event) {
        // Tandem reads nothing from events: it only injects what the technician does.
    }

    @Override
    public void onInterrupt() {
        // nothing is spoken or shown, so there is nothing to interrupt
    }

    @Override
    public boolean onUnbind(Intent intent) {
        disconnected();
        return super.onUnbind(intent);
    }

    @Override
    public void onDestroy() {
        disconnected();
        super.onDestroy();
    }

    private void disconnected() {
        if (connected == this) {
            connected = null;
            log.info("Remote control service disconnected");
            TandemApplication.session(this).refreshCapabilities();
        }
    }
}
