package dev.tandem.agent.rfb.session;

import dev.tandem.agent.screen.PhoneClipboard;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** A phone's clipboard for tests: remembers what was put on it, and {@link #copy} plays the phone copying. */
final class TestClipboard implements PhoneClipboard {
    final List<String> put = new CopyOnWriteArrayList<>();
    private final List<Consumer<String>> watchers = new CopyOnWriteArrayList<>();

    @Override
    public void put(String text) {
        put.add(text);
    }

    @Override
    public Watch watch(Consumer<String> changed) {
        watchers.add(changed);
        return () -> watchers.remove(changed);
    }

    /** Someone copied {@code text} on the phone. */
    void copy(String text) {
        watchers.forEach(w -> w.accept(text));
    }

    int watchers() {
        return watchers.size();
    }
}
