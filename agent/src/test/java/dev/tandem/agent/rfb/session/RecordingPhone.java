package dev.tandem.agent.rfb.session;

import dev.tandem.agent.screen.PhoneInput;
import dev.tandem.agent.screen.SoftKey;
import java.util.ArrayList;
import java.util.List;

/** A phone that writes down every gesture, one readable line each, e.g. {@code "tap 10,20"}. */
final class RecordingPhone implements PhoneInput {
    private final List<String> events = new ArrayList<>();
    /** Duration of the last swipe, so tests can check it was measured. */
    private long lastSwipeMillis = -1;

    synchronized List<String> events() {
        return new ArrayList<>(events);
    }

    synchronized long lastSwipeMillis() {
        return lastSwipeMillis;
    }

    @Override
    public synchronized void tap(int x, int y) {
        events.add("tap " + x + "," + y);
    }

    @Override
    public synchronized void longPress(int x, int y) {
        events.add("longPress " + x + "," + y);
    }

    @Override
    public synchronized void swipe(int fromX, int fromY, int toX, int toY, long durationMillis) {
        lastSwipeMillis = durationMillis;
        events.add("swipe " + fromX + "," + fromY + "->" + toX + "," + toY);
    }

    @Override
    public synchronized void softKey(SoftKey key) {
        events.add("softKey " + key);
    }

    @Override
    public synchronized void type(String text) {
        events.add("type " + text);
    }
}
