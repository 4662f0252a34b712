package dev.tandem.agent.screen;

/**
 * What the technician's mouse and keyboard do on the phone, in screen pixels. The agent has
 * already turned pointer events into gestures (press-drag-release = swipe, short click = tap,
 * press and hold = long press) and checked that the customer granted control. Implementations
 * are thread-safe.
 */
public interface PhoneInput {

    void tap(int x, int y);

    void longPress(int x, int y);

    /** A finger moving from one point to another over {@code durationMillis}. */
    void swipe(int fromX, int fromY, int toX, int toY, long durationMillis);

    void softKey(SoftKey key);

    /** Text typed into the focused field (printable characters; "\n" is Enter, "\b" deletes one). */
    void type(String text);
}
