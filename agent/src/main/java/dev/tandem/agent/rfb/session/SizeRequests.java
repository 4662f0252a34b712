package dev.tandem.agent.rfb.session;

import dev.tandem.agent.screen.ScreenSize;

/**
 * One viewer's side of the ExtendedDesktopSize extension: the {@link SizeNotice} it is owed (the
 * announcement once it names the extension, or the answer to its SetDesktopSize) until an update
 * carries it. A request goes to the phone's {@link SharedScreen} at once, on the reader thread; the
 * update thread asks what is owed and says what it delivered. Thread-safe.
 */
final class SizeRequests {
    /** How long an accepted SetDesktopSize waits for the phone's first frame of the new size. */
    private static final long RESIZE_WAIT_NANOS = 2_000_000_000L;

    private final SharedScreen shared;
    private final Object viewer;
    private SizeNotice owed;

    SizeRequests(SharedScreen shared, Object viewer) {
        this.shared = shared;
        this.viewer = viewer;
    }

    /** The viewer's SetEncodings: naming the extension for the first time is answered with an announcement. */
    synchronized void encodings(boolean extendedBefore, boolean extendedNow) {
        if (extendedNow && !extendedBefore && owed == null) {
            owed = SizeNotice.announcement();
        }
    }

    /** SetDesktopSize: asks the phone and keeps the answer for the next update. */
    void request(int width, int height, int screens) {
        SizeNotice answer;
        if (width == 0 || height == 0 || screens == 0) {
            answer = SizeNotice.refused(SizeNotice.STATUS_INVALID_LAYOUT);
        } else {
            ScreenSize granted = shared.resize(viewer, ScreenSize.of(width, height));
            answer = granted == null ? SizeNotice.refused(SizeNotice.STATUS_PROHIBITED)
                    : SizeNotice.accepted(granted, System.nanoTime() + RESIZE_WAIT_NANOS);
        }
        synchronized (this) {
            owed = answer;
        }
    }

    /** What is owed now, or null. */
    synchronized SizeNotice owed() {
        return owed;
    }

    /** {@code notice} (what {@link #owed()} returned) reached the viewer; a newer one stays owed. */
    synchronized void delivered(SizeNotice notice) {
        if (owed == notice) {
            owed = null;
        }
    }
}
