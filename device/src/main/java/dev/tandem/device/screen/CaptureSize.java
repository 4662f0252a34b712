package dev.tandem.device.screen;

import dev.tandem.agent.screen.ScreenGeometry;
import dev.tandem.agent.screen.ScreenSize;
import java.util.Objects;

/**
 * The frame size the agent asked a virtual screen for, and the agent's watcher to tell when it
 * changes. The screen takes the new size at its next capture ({@link #target}), so that frame and
 * geometry switch together. Thread-safe.
 */
final class CaptureSize {
    private final ScreenSize phone;
    private volatile ScreenSize wanted;
    private volatile Runnable watcher = () -> { };

    CaptureSize(ScreenSize phone) {
        this.phone = phone;
    }

    /** The geometry the next frame should have. */
    ScreenGeometry target() {
        ScreenSize size = wanted;
        return size == null ? ScreenGeometry.natural(phone) : ScreenGeometry.fitted(phone, size);
    }

    void resize(ScreenSize size) {
        wanted = phone.equals(size) ? null : Objects.requireNonNull(size, "size");
        watcher.run();
    }

    void resizeToPhone() {
        wanted = null;
        watcher.run();
    }

    void watch(Runnable changed) {
        watcher = Objects.requireNonNull(changed, "changed");
    }
}
