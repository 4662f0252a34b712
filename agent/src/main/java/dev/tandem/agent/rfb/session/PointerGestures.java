package dev.tandem.agent.rfb.session;

import dev.tandem.agent.screen.PhoneInput;
import java.util.function.LongSupplier;

/**
 * Turns the viewer's PointerEvents (RFC 6143 7.5.5) into touch gestures as CONTRACT.md ({@code ./tandem
 * vnc}) describes, using button 1 only: press, drag beyond the slop and release is a swipe from the
 * press to the release point, lasting as long as the drag (clamped to 100..3000 ms); a press released
 * without moving is a tap, or a long press when it was held at least the long-press time. Gestures are
 * emitted on release, so a long press is known only then: the phone sees it as the button comes up,
 * which keeps one code path and never races a timer against the release.
 *
 * <p>Coordinates are clamped to the screen. A gesture is only emitted if control is granted both at
 * the press and at the release. Not thread-safe: the stream's reader thread owns it.
 */
final class PointerGestures {
    static final long MIN_SWIPE_MILLIS = 100;
    static final long MAX_SWIPE_MILLIS = 3000;

    private final PhoneInput input;
    private final int slop;
    private final long longPressMillis;
    private final LongSupplier clockMillis;
    private boolean pressed;
    private boolean moved;
    private int startX;
    private int startY;
    private long startMillis;

    PointerGestures(PhoneInput input, int slop, long longPressMillis, LongSupplier clockMillis) {
        this.input = input;
        this.slop = slop;
        this.longPressMillis = longPressMillis;
        this.clockMillis = clockMillis;
    }

    /** One PointerEvent; {@code width} x {@code height} is the screen, {@code control} the consent now. */
    void pointer(int buttonMask, int rawX, int rawY, int width, int height, boolean control) {
        if (!control) {
            pressed = false;
            return;
        }
        int x = clamp(rawX, width);
        int y = clamp(rawY, height);
        boolean down = (buttonMask & 1) != 0;
        if (down && !pressed) {
            pressed = true;
            moved = false;
            startX = x;
            startY = y;
            startMillis = clockMillis.getAsLong();
        } else if (pressed) {
            moved |= beyondSlop(x, y);
            if (!down) {
                pressed = false;
                release(x, y, clockMillis.getAsLong() - startMillis);
            }
        }
    }

    private void release(int x, int y, long heldMillis) {
        if (moved) {
            long duration = Math.max(MIN_SWIPE_MILLIS, Math.min(MAX_SWIPE_MILLIS, heldMillis));
            input.swipe(startX, startY, x, y, duration);
        } else if (heldMillis >= longPressMillis) {
            input.longPress(startX, startY);
        } else {
            input.tap(startX, startY);
        }
    }

    private boolean beyondSlop(int x, int y) {
        long dx = x - startX;
        long dy = y - startY;
        return dx * dx + dy * dy > (long) slop * slop;
    }

    private static int clamp(int value, int size) {
        return Math.max(0, Math.min(size - 1, value));
    }
}
