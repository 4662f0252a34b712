package dev.tandem.agent.rfb.session;

import dev.tandem.agent.rfb.encoding.JpegCompressor;
import dev.tandem.agent.screen.PhoneClipboard;
import java.time.Duration;

/**
 * How a {@link ScreenStream} behaves, in one place: the desktop name viewers show, how often an idle
 * stream looks at the screen again, the touch slop and limits, and the phone's JPEG and clipboard.
 * Thread-safe (immutable); the {@code with...} methods return changed copies.
 */
public final class StreamSettings {
    private static final StreamSettings DEFAULTS =
            new StreamSettings("Tandem", Duration.ofMillis(33), 24, 4096, 1, null, null);

    private final String desktopName;
    private final Duration pollInterval;
    private final int swipeSlop;
    private final int maxCutTextBytes;
    private final int zlibLevel;
    private final JpegCompressor jpeg;
    private final PhoneClipboard clipboard;

    private StreamSettings(String desktopName, Duration pollInterval, int swipeSlop, int maxCutTextBytes,
            int zlibLevel, JpegCompressor jpeg, PhoneClipboard clipboard) {
        this.desktopName = desktopName;
        this.pollInterval = pollInterval;
        this.swipeSlop = swipeSlop;
        this.maxCutTextBytes = maxCutTextBytes;
        this.zlibLevel = zlibLevel;
        this.jpeg = jpeg;
        this.clipboard = clipboard;
    }

    /**
     * Desktop "Tandem", poll every 33 ms, a finger moves once it leaves 24 px around the press, cut text
     * up to 4096 bytes, zlib level 1 (cheap on a phone), no JPEG, no clipboard.
     */
    public static StreamSettings defaults() {
        return DEFAULTS;
    }

    /** The name viewers show in their title bar, e.g. "Tandem – samsung SM-S918B". */
    public StreamSettings withDesktopName(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("the desktop name must not be empty");
        }
        return new StreamSettings(name, pollInterval, swipeSlop, maxCutTextBytes, zlibLevel, jpeg, clipboard);
    }

    /**
     * How long a stream with a pending request waits before it captures again when nothing changed or
     * screen consent is missing; also the longest time pixels can still flow after consent is stopped.
     */
    public StreamSettings withPollInterval(Duration interval) {
        if (interval.isNegative() || interval.isZero() || interval.toMillis() > 1000) {
            throw new IllegalArgumentException("the poll interval must be 1 ms .. 1 s, got " + interval);
        }
        return new StreamSettings(desktopName, interval, swipeSlop, maxCutTextBytes, zlibLevel, jpeg, clipboard);
    }

    /**
     * How far, in screen pixels, a pressed pointer must move before the finger on the phone follows
     * it: smaller wobbles of a click keep it a tap (or a long press).
     */
    public StreamSettings withSwipeSlop(int pixels) {
        if (pixels < 0) {
            throw new IllegalArgumentException("the swipe slop must be >= 0 pixels, got " + pixels);
        }
        return new StreamSettings(desktopName, pollInterval, pixels, maxCutTextBytes, zlibLevel, jpeg, clipboard);
    }

    /** The longest ClientCutText accepted; a longer one is a protocol error that closes the viewer. */
    public StreamSettings withMaxCutTextBytes(int bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("the cut-text limit must be >= 0 bytes, got " + bytes);
        }
        return new StreamSettings(desktopName, pollInterval, swipeSlop, bytes, zlibLevel, jpeg, clipboard);
    }

    /** The zlib level for ZRLE and Tight when the viewer names no compression level (0..9). */
    public StreamSettings withZlibLevel(int level) {
        if (level < 0 || level > 9) {
            throw new IllegalArgumentException("the zlib level must be 0..9, got " + level);
        }
        return new StreamSettings(desktopName, pollInterval, swipeSlop, maxCutTextBytes, level, jpeg, clipboard);
    }

    /**
     * The platform's JPEG, used by Tight when the viewer asks for a quality level. One stream uses it
     * from its update thread only; give each stream its own when the implementation is not thread-safe.
     */
    public StreamSettings withJpeg(JpegCompressor compressor) {
        return new StreamSettings(desktopName, pollInterval, swipeSlop, maxCutTextBytes, zlibLevel, compressor,
                clipboard);
    }

    /**
     * The phone's clipboard, shared with viewers while the customer allows control: the viewer's cut
     * text is put on it, and what the phone copies is sent as ServerCutText. Without one, cut text from
     * the viewer is typed into the focused field instead.
     */
    public StreamSettings withClipboard(PhoneClipboard phoneClipboard) {
        return new StreamSettings(desktopName, pollInterval, swipeSlop, maxCutTextBytes, zlibLevel, jpeg,
                phoneClipboard);
    }

    public String desktopName() {
        return desktopName;
    }

    public Duration pollInterval() {
        return pollInterval;
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

    /** The phone's clipboard, or null. */
    public PhoneClipboard clipboard() {
        return clipboard;
    }
}
