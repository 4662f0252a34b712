package dev.tandem.device.screen;

import dev.tandem.agent.screen.PhoneClipboard;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The virtual phone's clipboard: Copy and Cut in its text field put text here (and the technician's
 * viewers are told), paste reads it, and the technician's viewer can put text on it. Thread-safe.
 */
public final class VirtualClipboard implements PhoneClipboard {
    private final List<Consumer<String>> watchers = new CopyOnWriteArrayList<>();
    private volatile String text;

    /** What is on the clipboard now, or null when nothing was ever copied. */
    public String text() {
        return text;
    }

    @Override
    public void put(String pasted) {
        text = pasted;
    }

    @Override
    public Watch watch(Consumer<String> changed) {
        watchers.add(changed);
        return () -> watchers.remove(changed);
    }

    /** Something on the phone copied {@code copied}: it is on the clipboard and the watchers hear of it. */
    void copied(String copied) {
        text = copied;
        watchers.forEach(watcher -> watcher.accept(copied));
    }
}
