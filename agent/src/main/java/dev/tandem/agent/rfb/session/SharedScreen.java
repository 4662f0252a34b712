package dev.tandem.agent.rfb.session;

import dev.tandem.agent.screen.ScreenGeometry;
import dev.tandem.agent.screen.ScreenSize;
import dev.tandem.agent.screen.ScreenSource;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * One phone's {@link ScreenSource} as all its viewers' streams share it. The phone has one capture
 * size, so the last viewer that asked for a size gets it and the others follow (as on any VNC server,
 * whose desktop has one size); when that viewer leaves, the phone goes back to its own size. The
 * source's change notices are fanned out to every stream. Thread-safe.
 */
public final class SharedScreen {
    private final ScreenSource source;
    private final Set<Runnable> watchers = new CopyOnWriteArraySet<>();
    private final Object sizeLock = new Object();
    /** The stream whose request set the current capture size, or null at the phone's own size. */
    private Object sizeOwner;

    private SharedScreen(ScreenSource source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    /** Wraps {@code source} and becomes its one watcher. */
    public static SharedScreen of(ScreenSource source) {
        SharedScreen shared = new SharedScreen(source);
        source.watch(shared::changed);
        return shared;
    }

    public ScreenSource source() {
        return source;
    }

    /**
     * Viewer {@code owner} asks for frames of {@code wanted} size. A size at least as large as the phone
     * both ways means the phone's own size (never enlarged, and it then follows rotation).
     *
     * @return the frame size the viewer will get, or null when the phone cannot scale its capture
     */
    ScreenSize resize(Object owner, ScreenSize wanted) {
        synchronized (sizeLock) {
            ScreenGeometry now = source.geometry();
            ScreenSize result;
            if (wanted.covers(now.phone())) {
                source.resizeToPhone();
                sizeOwner = null;
                result = now.phone();
            } else if (source.resize(wanted)) {
                sizeOwner = owner;
                result = wanted;
            } else {
                return null;
            }
            changed();
            return result;
        }
    }

    /** Viewer {@code owner} left: if it set the size, the phone returns to its own size. */
    void left(Object owner) {
        synchronized (sizeLock) {
            if (sizeOwner == owner) {
                sizeOwner = null;
                source.resizeToPhone();
                changed();
            }
        }
    }

    void addWatcher(Runnable watcher) {
        watchers.add(watcher);
    }

    void removeWatcher(Runnable watcher) {
        watchers.remove(watcher);
    }

    private void changed() {
        for (Runnable watcher : watchers) {
            watcher.run();
        }
    }
}
