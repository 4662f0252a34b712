package dev.tandem.agent.rfb.session;

import dev.tandem.agent.screen.PhoneInput;

/**
 * Turns the viewer's PointerEvents (RFC 6143 7.5.5) into a live finger on the phone, as CONTRACT.md
 * ({@code ./tandem vnc}) describes: button 1 down puts the finger down, moving with the button held
 * drags it, release lifts it; the phone itself then sees a tap, a long press (the button held), a
 * swipe, or a drag after a long press. Moves within the slop of the press point are not passed on,
 * so a click with a wobbly hand stays a tap on every phone. Each notch of the wheel (buttons 4 and 5,
 * 6 and 7 sideways) is a scroll.
 *
 * <p>Coordinates are clamped to the screen. Nothing reaches the phone without control; a finger that
 * is down when control ends, or when the viewer leaves, is lifted ({@link #lift()}) so the phone is
 * never left with a finger stuck on its screen. A button already held when control arrives does not
 * touch: only a new press does. Thread-safe: the reader thread reports events, any thread may lift.
 */
final class PointerGestures {
    private static final int BUTTON_1 = 1;
    private static final int WHEEL_UP = 1 << 3;
    private static final int WHEEL_DOWN = 1 << 4;
    private static final int WHEEL_LEFT = 1 << 5;
    private static final int WHEEL_RIGHT = 1 << 6;

    private final PhoneInput input;
    private final int slop;
    private int lastMask;
    private boolean down;
    private boolean beyondSlop;
    private int startX;
    private int startY;
    private int lastX;
    private int lastY;

    PointerGestures(PhoneInput input, int slop) {
        this.input = input;
        this.slop = slop;
    }

    /** One PointerEvent; {@code width} x {@code height} is the screen, {@code control} the consent now. */
    synchronized void pointer(int buttonMask, int rawX, int rawY, int width, int height, boolean control) {
        int pressed = buttonMask & ~lastMask;
        lastMask = buttonMask;
        if (!control) {
            lift();
            return;
        }
        int x = clamp(rawX, width);
        int y = clamp(rawY, height);
        int stepsDown = bit(pressed, WHEEL_DOWN) - bit(pressed, WHEEL_UP);
        int stepsRight = bit(pressed, WHEEL_RIGHT) - bit(pressed, WHEEL_LEFT);
        if ((stepsDown != 0 || stepsRight != 0) && !down) {
            input.wake();
            input.scroll(x, y, stepsRight, stepsDown);
        }
        boolean button = (buttonMask & BUTTON_1) != 0;
        if (button && (pressed & BUTTON_1) != 0 && !down) {
            input.wake();
            input.touchDown(x, y);
            down = true;
            beyondSlop = false;
            startX = lastX = x;
            startY = lastY = y;
        } else if (button && down && (x != lastX || y != lastY)) {
            beyondSlop |= beyondSlop(x, y);
            if (beyondSlop) {
                input.touchMove(x, y);
                lastX = x;
                lastY = y;
            }
        } else if (!button && down) {
            if (beyondSlop) {
                lastX = x;
                lastY = y;
            }
            lift();
        }
    }

    /** Lifts the finger where it last was, if it is down. */
    synchronized void lift() {
        if (down) {
            down = false;
            input.touchUp(lastX, lastY);
        }
    }

    private boolean beyondSlop(int x, int y) {
        long dx = x - startX;
        long dy = y - startY;
        return dx * dx + dy * dy > (long) slop * slop;
    }

    private static int bit(int mask, int bit) {
        return (mask & bit) != 0 ? 1 : 0;
    }

    private static int clamp(int value, int size) {
        return Math.max(0, Math.min(size - 1, value));
    }
}
