package dev.tandem.agent.rfb.session;

import dev.tandem.agent.rfb.encoding.JpegCompressor;
import java.time.Duration;

/**
 * How a {@link ScreenStream} behaves, in one place: the desktop name viewers show, how often an idle
 * stream looks at the screen again, the gesture thresholds and limits. Thread-safe (immutable); the
 * {@code with...} methods return changed copies.
 */
public final class StreamSettings {
    private static final StreamSettings DEFAULTS =
            new StreamSettings("Tandem", Duration.ofMillis(33), Duration.ofMillis(500), 24, 4096, 1, null);

    private final String desktopName;
    private final Duration pollInterval;
    private final Duration longPress;
    private final int swipeSlop;
    private final int maxCutTextBytes;
    private final int zlibLevel;
    private final JpegCompressor jpeg;

    private StreamSettings(String desktopName, Duration pollInterval, Duration longPress, int swipeSlop,
            int maxCutTextBytes, int zlibLevel, JpegCompressor jpeg) {
        this.desktopName = desktopName;
        this.pollInterval = pollInterval;
        this.longPress = longPress;
        this.swipeSlop = swipeSlop;
        this.maxCutTextBytes = maxCutTextBytes;
        this.zlibLevel = zlibLevel;
        this.jpeg = jpeg;
    }

    /**
     * Desktop "Tandem", poll every 33 ms, long press after 500 ms, swipe beyond 24 px, cut text up to
     * 4096 bytes, zlib level 1 (cheap on a phone), no JPEG.
     */
    public static StreamSettings defaults() {
        return DEFAULTS;
    }

    /** The name viewers show in their title bar, e.g. "Tandem – samsung SM-S918B". */
    public StreamSettings withDesktopName(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("the desktop name must not be empty");
        }
        return new StreamSettings(name, pollInterval, longPress, swipeSlop, maxCutTextBytes, zlibLevel, jpeg);
    }

    /**
     * How long a stream with a pending request waits before it captures again when nothing changed or
     * screen consent is missing; also the longest time pixels can still flow after consent is stopped.
     */
    public StreamSettings withPollInterval(Duration interval) {
        if (interval.isNegative() || interval.isZero() || interval.toMillis() > 1000) {
            throw new IllegalArgumentException("the poll interval must be 1 ms .. 1 s, got " + interval);
        }
        return new StreamSettings(desktopName, interval, longPress, swipeSlop, maxCutTextBytes, zlibLevel, jpeg);
    }

    /** How long a press must be held, without moving, to become a long press instead of a tap. */
    public StreamSettings withLongPress(Duration hold) {
        if (hold.isNegative() || hold.isZero()) {
            throw new IllegalArgumentException("the long-press time must be positive, got " + hold);
        }
        return new StreamSettings(desktopName, pollInterval, hold, swipeSlop, maxCutTextBytes, zlibLevel, jpeg);
    }

    /** How far, in screen pixels, a pressed pointer must move for the gesture to be a swipe. */
    public StreamSettings withSwipeSlop(int pixels) {
        if (pixels < 0) {
            throw new IllegalArgumentException("the swipe slop must be >= 0 pixels, got " + pixels);
        }
        return new StreamSettings(desktopName, pollInterval, longPress, pixels, maxCutTextBytes, zlibLevel, jpeg);
    }

    /** The longest ClientCutText accepted; a longer one is a protocol error that closes the viewer. */
    public StreamSettings withMaxCutTextBytes(int bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("the cut-text limit must be >= 0 bytes, got " + bytes);
        }
        return new StreamSettings(desktopName, pollInterval, longPress, swipeSlop, bytes, zlibLevel, jpeg);
    }

    /** The zlib level for ZRLE and Tight when the viewer names no compression level (0..9). */
    public StreamSettings withZlibLevel(int level) {
        if (level < 0 || level > 9) {
            throw new IllegalArgumentException("the zlib level must be 0..9, got " + level);
        }
        return new StreamSettings(desktopName, pollInterval, longPress, swipeSlop, maxCutTextBytes, level, jpeg);
    }

    /**
     * The platform's JPEG, used by Tight when the viewer asks for a quality level. One stream uses it
     * from its update thread only; give each stream its own when the implementation is not thread-safe.
     */
    public StreamSettings withJpeg(JpegCompressor compressor) {
        return new StreamSettings(desktopName, pollInterval, longPress, swipeSlop, maxCutTextBytes, zlibLevel,
                compressor);
    }

    public String desktopName() {
        return desktopName;
    }

    public Duration pollInterval() {
        return pollInterval;
    }

    public Duration longPress() {
        return longPress;
    }

    public int swipeSlop() {
        return swipeSlop;
    }

    public int maxCutTextBytes() {
        return maxCutTextBytes;
    }

    public int zlibLevel() {
        return zlibLevel;
    }

    /** The JPEG compressor, or null: then Tight stays lossless whatever the viewer asks. */
    public JpegCompressor jpeg() {
        return jpeg;
    }
}
