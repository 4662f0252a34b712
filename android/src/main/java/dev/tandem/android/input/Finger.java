package dev.tandem.android.input;

import android.accessibilityservice.AccessibilityService;
import android.accessibilityservice.GestureDescription;
import android.accessibilityservice.GestureDescription.StrokeDescription;
import android.graphics.Path;
import android.os.SystemClock;

/**
 * The technician's finger on the phone's screen, injected live through {@code dispatchGesture}: the
 * press dispatches a one-millisecond stroke that <em>will continue</em>, so the finger stays down; each
 * move continues it ({@link StrokeDescription#continueStroke}) from where the last piece ended, and the
 * release ends it. Android then sees a tap, a long press (the finger simply stays down), a drag, or a
 * drag after a long press, exactly as from its own touch screen.
 *
 * <p>Android plays one piece at a time, so moves that arrive while a piece is playing are joined into
 * the next one (only the newest point counts), which keeps the finger at most one piece behind the
 * mouse. A piece lasts as long as the mouse took, within {@link #MIN_PIECE_MILLIS}..{@link
 * #MAX_PIECE_MILLIS}. When Android cancels a piece (the customer touched the screen) the finger is
 * gone until the next press. The wheel's {@link #scroll} is a short swipe that stops before it lifts,
 * so lists move by the swipe's length and do not fling; notches that arrive meanwhile are added up.
 *
 * <p>Thread-safe: the agent's reader thread and Android's gesture callbacks meet under one lock.
 */
final class Finger {
    static final long MIN_PIECE_MILLIS = 8;
    static final long MAX_PIECE_MILLIS = 100;
    static final long SCROLL_MOVE_MILLIS = 150;
    static final long SCROLL_HOLD_MILLIS = 60;

    /** How a piece of gesture reaches Android: the accessibility service, or null while it is off. */
    interface Gestures {
        AccessibilityService service();
    }

    private final Object lock = new Object();
    private final Gestures gestures;
    /** The piece Android plays or played last; the next piece of the same stroke continues it. */
    private StrokeDescription stroke;
    /** Numbers the pieces handed to Android, so a late callback of an earlier gesture is ignored. */
    private long pieces;
    private boolean playing;
    private boolean down;
    private int atX;
    private int atY;
    private long lastPieceAt;
    private boolean moveWaiting;
    private int toX;
    private int toY;
    private boolean upWaiting;
    private boolean scrolling;
    private int scrollFromX;
    private int scrollFromY;
    private int scrollWaitingX;
    private int scrollWaitingY;
    private int width;
    private int height;

    Finger(Gestures gestures) {
        this.gestures = gestures;
    }

    void down(int x, int y) {
        synchronized (lock) {
            if (down) {
                return; // one finger at a time; the agent lifts before it presses again
            }
            Path path = new Path();
            path.moveTo(x, y);
            down = true;
            scrolling = false; // a new gesture cancels a scroll that was still playing
            atX = toX = x;
            atY = toY = y;
            moveWaiting = upWaiting = false;
            down = play(new StrokeDescription(path, 0, 1, true));
        }
    }

    void move(int x, int y) {
        synchronized (lock) {
            if (!down) {
                return;
            }
            toX = x;
            toY = y;
            moveWaiting = true;
            if (!playing) {
                next();
            }
        }
    }

    void up(int x, int y) {
        synchronized (lock) {
            if (!down) {
                return;
            }
            toX = x;
            toY = y;
            upWaiting = true;
            if (!playing) {
                next();
            }
        }
    }

    /**
     * The wheel: {@code dx}, {@code dy} screen pixels (positive moves the content left / up) as a
     * swipe from {@code (x, y)} on a {@code screenWidth} x {@code screenHeight} screen; ignored while
     * the finger is down.
     */
    void scroll(int x, int y, int dx, int dy, int screenWidth, int screenHeight) {
        synchronized (lock) {
            if (down) {
                return;
            }
            width = screenWidth;
            height = screenHeight;
            scrollFromX = x;
            scrollFromY = y;
            scrollWaitingX += dx;
            scrollWaitingY += dy;
            if (!playing) {
                nextScroll();
            }
        }
    }

    /** Whether the finger is on the screen now. */
    boolean isDown() {
        synchronized (lock) {
            return down;
        }
    }

    /** Under the lock, nothing playing: the next piece of the live stroke, if one is waiting. */
    private void next() {
        if (!down || !(moveWaiting || upWaiting)) {
            return;
        }
        Path path = new Path();
        path.moveTo(atX, atY);
        if (toX != atX || toY != atY) {
            path.lineTo(toX, toY);
        }
        long took = SystemClock.uptimeMillis() - lastPieceAt;
        long duration = Math.max(MIN_PIECE_MILLIS, Math.min(MAX_PIECE_MILLIS, took));
        boolean lifting = upWaiting;
        StrokeDescription piece = stroke.continueStroke(path, 0, duration, !lifting);
        atX = toX;
        atY = toY;
        moveWaiting = upWaiting = false;
        down = play(piece) && !lifting;
    }

    /** Under the lock, nothing playing: the wheel's waiting notches as one swipe. */
    private void nextScroll() {
        scrolling = false;
        if (scrollWaitingX == 0 && scrollWaitingY == 0) {
            return;
        }
        int fromX = clamp(scrollFromX, width);
        int fromY = clamp(scrollFromY, height);
        atX = clamp(fromX - scrollWaitingX, width);
        atY = clamp(fromY - scrollWaitingY, height);
        scrollWaitingX = scrollWaitingY = 0;
        Path path = new Path();
        path.moveTo(fromX, fromY);
        if (atX != fromX || atY != fromY) {
            path.lineTo(atX, atY);
        }
        scrolling = play(new StrokeDescription(path, 0, SCROLL_MOVE_MILLIS, true));
    }

    /** Under the lock: a scroll's swipe arrived; it holds still briefly (no fling) and lifts, then the next notches. */
    private void scrollPlayed() {
        if (stroke != null && stroke.willContinue()) {
            Path hold = new Path();
            hold.moveTo(atX, atY);
            scrolling = play(stroke.continueStroke(hold, 0, SCROLL_HOLD_MILLIS, false));
            if (scrolling) {
                return;
            }
        }
        nextScroll();
    }

    private static int clamp(int value, int size) {
        return Math.max(1, Math.min(size - 2, value));
    }

    /** Under the lock: hands one piece to Android; false when it refused (the service is off). */
    private boolean play(StrokeDescription piece) {
        AccessibilityService service = gestures.service();
        GestureDescription gesture = new GestureDescription.Builder().addStroke(piece).build();
        long number = ++pieces;
        if (service == null || !service.dispatchGesture(gesture, new Played(number), null)) {
            stroke = null;
            playing = false;
            return false;
        }
        stroke = piece;
        playing = true;
        lastPieceAt = SystemClock.uptimeMillis();
        return true;
    }

    /** Android finished or cancelled a piece: play what waits. Called on the main thread. */
    private final class Played extends AccessibilityService.GestureResultCallback {
        private final long number;

        Played(long number) {
            this.number = number;
        }

        @Override
        public void onCompleted(GestureDescription gesture) {
            synchronized (lock) {
                if (number != pieces) {
                    return; // a newer gesture replaced this one
                }
                playing = false;
                if (scrolling) {
                    scrollPlayed();
                } else {
                    next();
                }
            }
        }

        @Override
        public void onCancelled(GestureDescription gesture) {
            synchronized (lock) {
                if (number != pieces) {
                    return;
                }
                playing = scrolling = down = false;
                stroke = null;
                moveWaiting = upWaiting = false;
            }
        }
    }
}
