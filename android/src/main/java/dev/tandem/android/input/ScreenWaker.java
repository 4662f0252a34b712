package dev.tandem.android.input;

import android.content.Context;
import android.os.PowerManager;

/**
 * Turns the phone's screen on when the technician's input arrives while it is dark, with a short
 * wake lock that causes a wake-up (the way remote-support apps do; a secure lock screen stays locked:
 * the technician then sees it and the customer unlocks). Cheap when the screen is on. Thread-safe.
 */
final class ScreenWaker {
    static final long WAKE_MILLIS = 3000;
    private final Context context;

    ScreenWaker(Context context) {
        this.context = context;
    }

    /** Wakes the screen if it is off; true when it had to. */
    @SuppressWarnings("deprecation") // SCREEN_BRIGHT_WAKE_LOCK: the only wake lock that turns the screen on
    boolean wake() {
        PowerManager power = (PowerManager) context.getSystemService(Context.POWER_SERVICE);
        if (power == null || power.isInteractive()) {
            return false;
        }
        PowerManager.WakeLock lock = power.newWakeLock(
                PowerManager.SCREEN_BRIGHT_WAKE_LOCK | PowerManager.ACQUIRE_CAUSES_WAKEUP, "tandem:input");
        lock.acquire(WAKE_MILLIS);
        return true;
    }
}
