package dev.tandem.agent.rfb.session;

import dev.tandem.agent.screen.KeyboardKey;
import dev.tandem.agent.screen.PhoneInput;
import dev.tandem.agent.screen.SoftKey;
import java.util.ArrayList;
import java.util.List;

/**
 * A phone that writes down every input, one readable line each, e.g. {@code "down 10,20"}; wake-ups
 * are counted apart so the lines stay about what the finger and keys did.
 */
final class RecordingPhone implements PhoneInput {
    private final List<String> events = new ArrayList<>();
    private int wakes;

    synchronized List<String> events() {
        return new ArrayList<>(events);
    }

    synchronized int wakes() {
        return wakes;
    }

    @Override
    public synchronized void touchDown(int x, int y) {
        events.add("down " + x + "," + y);
    }

    @Override
    public synchronized void touchMove(int x, int y) {
        events.add("move " + x + "," + y);
    }

    @Override
    public synchronized void touchUp(int x, int y) {
        events.add("up " + x + "," + y);
    }

    @Override
    public synchronized void scroll(int x, int y, int stepsRight, int stepsDown) {
        events.add("scroll " + x + "," + y + " by " + stepsRight + "," + stepsDown);
    }

    @Override
    public synchronized void softKey(SoftKey key) {
        events.add("softKey " + key);
    }

    @Override
    public synchronized void key(KeyboardKey key) {
        events.add("key " + key);
    }

    @Override
    public synchronized void type(String text) {
        events.add("type " + text);
    }

    @Override
    public synchronized void wake() {
        wakes++;
    }
}
