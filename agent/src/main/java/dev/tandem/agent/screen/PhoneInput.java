package dev.tandem.agent.screen;

/**
 * What the technician's mouse and keyboard do on the phone, in screen pixels. The agent has already
 * checked that the customer granted control, and calls {@link #wake()} before every input so a phone
 * whose screen went dark lights up first. Implementations are thread-safe.
 *
 * <p>Touch is live: the finger goes down when the technician presses the mouse button, follows the
 * mouse while it is held and lifts on release, so the phone itself sees a tap, a long press (a held
 * button), a drag or a drag after a long press exactly as its own touch screen would report them.
 * Every {@link #touchDown} is followed by one {@link #touchUp} (the agent lifts the finger itself when
 * control ends or the viewer leaves mid-press).
 */
public interface PhoneInput {

    /** A finger touches the screen at {@code (x, y)} and stays down. */
    void touchDown(int x, int y);

    /** The finger that is down moves to {@code (x, y)}. */
    void touchMove(int x, int y);

    /** The finger lifts at {@code (x, y)}. */
    void touchUp(int x, int y);

    /**
     * The mouse wheel turned over {@code (x, y)}: {@code stepsDown} notches towards the user (content
     * moves up, as a finger swiping up would move it; negative: away), {@code stepsRight} sideways.
     * Phones without a wheel of their own turn it into a swipe.
     */
    void scroll(int x, int y, int stepsRight, int stepsDown);

    void softKey(SoftKey key);

    /** A key of a hardware keyboard that types no text (arrows, Tab, copy and paste, ...). */
    void key(KeyboardKey key);

    /** Text typed into the focused field (printable characters; "\n" is Enter, "\b" deletes one). */
    void type(String text);

    /** Input is about to arrive: a phone whose screen is off turns it on. Cheap when it is on. */
    void wake();

    /** Input that goes nowhere, for a screen that is only ever watched (benchmarks, tests). */
    static PhoneInput none() {
        return NoInput.INSTANCE;
    }
}
