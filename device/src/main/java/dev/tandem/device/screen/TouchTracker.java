package dev.tandem.device.screen;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Recognises what one live finger does, the way a touch screen's gesture detector does: a finger
 * held still for {@link #LONG_PRESS_MILLIS} is a long press (reported while it is still down), one
 * that moves beyond {@link Layout#SWIPE_THRESHOLD} drags (reported at every move, so the screen
 * follows the finger), and one lifted early without moving is a tap.
 *
 * <p>Thread-safe as long as every call holds the lock given to it, which is also the lock the
 * long-press timer takes before it reports; one daemon thread serves the timers of every phone.
 */
final class TouchTracker {
    static final long LONG_PRESS_MILLIS = 500;
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "virtual-phone-touch");
        thread.setDaemon(true);
        return thread;
    });

    /** What the finger did, reported under the lock. */
    interface Gestures {
        /** The finger went down; what it drags from here is measured against this moment. */
        void pressed(int x, int y);

        void tap(int x, int y);

        void longPress(int x, int y);

        /** The finger moved from where it went down to {@code (toX, toY)}. */
        void drag(int fromX, int fromY, int toX, int toY);
    }

    private final Object lock;
    private final Gestures gestures;
    private final Runnable shown;
    private boolean down;
    private boolean moved;
    private boolean longPressed;
    private long touches;
    private int startX;
    private int startY;
    private ScheduledFuture<?> hold;

    /** {@code shown} runs outside the lock after a long press the timer reported, so the screen draws it. */
    TouchTracker(Object lock, Gestures gestures, Runnable shown) {
        this.lock = lock;
        this.gestures = gestures;
        this.shown = shown;
    }

    /** Under the lock. */
    void down(int x, int y) {
        cancelHold();
        down = true;
        moved = false;
        longPressed = false;
        startX = x;
        startY = y;
        gestures.pressed(x, y);
        long touch = ++touches;
        hold = TIMER.schedule(() -> held(touch), LONG_PRESS_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Under the lock. */
    void move(int x, int y) {
        if (!down) {
            return;
        }
        if (!moved && Math.abs(x - startX) < Layout.SWIPE_THRESHOLD && Math.abs(y - startY) < Layout.SWIPE_THRESHOLD) {
            return;
        }
        moved = true;
        cancelHold();
        gestures.drag(startX, startY, x, y);
    }

    /** Under the lock. */
    void up(int x, int y) {
        if (!down) {
            return;
        }
        move(x, y);
        down = false;
        cancelHold();
        if (!moved && !longPressed) {
            gestures.tap(startX, startY);
        }
    }

    private void held(long touch) {
        synchronized (lock) {
            if (touch != touches || !down || moved || longPressed) {
                return;
            }
            longPressed = true;
            gestures.longPress(startX, startY);
        }
        shown.run();
    }

    private void cancelHold() {
        if (hold != null) {
            hold.cancel(false);
            hold = null;
        }
    }
}
