package dev.tandem.agent.rfb.session;

import dev.tandem.agent.rfb.encoding.ByteSink;
import dev.tandem.agent.rfb.encoding.CopyRectEncoder;
import dev.tandem.agent.rfb.encoding.Encoder;
import dev.tandem.agent.rfb.encoding.Frame;
import dev.tandem.agent.rfb.encoding.FrameDiff;
import dev.tandem.agent.rfb.encoding.JpegCompressor;
import dev.tandem.agent.rfb.encoding.PixelFormat;
import dev.tandem.agent.rfb.encoding.RawEncoder;
import dev.tandem.agent.rfb.encoding.Rect;
import dev.tandem.agent.rfb.encoding.ScrollDetector;
import dev.tandem.agent.rfb.encoding.TightEncoder;
import dev.tandem.agent.rfb.encoding.VerticalScroll;
import dev.tandem.agent.rfb.encoding.ZrleEncoder;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds one viewer's FramebufferUpdate messages (RFC 6143 7.6.1) and remembers what that viewer
 * shows, so that an incremental request gets only what changed since: {@link FrameDiff} against the
 * frame the viewer last received, each change trimmed to the pixels that differ, a vertical scroll as
 * one CopyRect when the viewer takes CopyRect, a DesktopSize or ExtendedDesktopSize pseudo-rectangle
 * (without pixels in its update) when the frames changed size, and any {@link SizeNotice} owed.
 *
 * <p>A prepared update changes nothing until it is {@link #commit}ted after it was written, so an
 * update dropped at the last moment (consent stopped) leaves the viewer's state right. The encoders
 * keep zlib streams for the whole connection and are created on first use, with the compression level
 * the viewer named then; a later level applies to nothing (restarting a stream would break the
 * viewer's inflater). Not thread-safe: the stream's update thread owns it.
 */
final class FramebufferUpdates implements AutoCloseable {
    private static final int FRAMEBUFFER_UPDATE = 0;

    private final int defaultZlibLevel;
    private final JpegCompressor jpeg;
    private final ByteSink message = ByteSink.create();
    private final CopyRectEncoder copyRect = CopyRectEncoder.create();
    private RawEncoder raw;
    private ZrleEncoder zrle;
    private TightEncoder tight;
    private int viewerWidth;
    private int viewerHeight;
    /** What the viewer's framebuffer holds, or null when it holds nothing known. */
    private Frame shown;
    // The state a prepared update leads to, applied by commit().
    private Frame nextShown;
    private int nextWidth;
    private int nextHeight;

    FramebufferUpdates(int viewerWidth, int viewerHeight, int defaultZlibLevel, JpegCompressor jpeg) {
        this.viewerWidth = viewerWidth;
        this.viewerHeight = viewerHeight;
        this.defaultZlibLevel = defaultZlibLevel;
        this.jpeg = jpeg;
    }

    /**
     * The FramebufferUpdate answering {@code request} with {@code frame}, or null when there is
     * nothing to send yet (an incremental request, no change in its area and no {@code notice}). The
     * returned bytes stay valid until the next call.
     *
     * @param notice an ExtendedDesktopSize rectangle owed to the viewer, or null
     * @throws StreamEndException when the screen changed size and the viewer cannot be told
     */
    ByteSink prepare(UpdateRequest request, Frame frame, PixelFormat format, ViewerEncodings encodings,
            SizeNotice notice) throws StreamEndException {
        message.reset();
        message.writeU32(0);
        if (frame.width() != viewerWidth || frame.height() != viewerHeight) {
            return resize(frame, encodings, notice);
        }
        nextWidth = viewerWidth;
        nextHeight = viewerHeight;
        int count = 0;
        if (notice != null && encodings.extendedDesktopSize()) {
            writeExtendedDesktopSize(frame, notice.reason(), notice.status());
            count++;
        }
        Rect area = intersect(request.area(), frame.bounds());
        if (shown == null || !request.incremental()) {
            // Knowing nothing of the viewer's buffer, send all of it, whatever part was asked for.
            Rect full = shown == null ? frame.bounds() : area;
            if (full.isEmpty()) {
                nextShown = shown;
                return finish(count);
            }
            count += writePixels(List.of(full), frame, format, encodings);
            nextShown = overlay(shown, frame, List.of(full));
            return finish(count);
        }
        nextShown = shown;
        if (frame == shown) {
            return count == 0 ? null : finish(count);
        }
        List<Rect> changes = FrameDiff.changes(shown, frame);
        if (changes.isEmpty()) {
            shown = frame;
            nextShown = frame;
            return count == 0 ? null : finish(count);
        }
        VerticalScroll scroll = null;
        Frame base = shown;
        Rect changedRows = changedRows(changes, area);
        if (encodings.copyRect() && !changedRows.isEmpty()) {
            scroll = ScrollDetector.detect(shown, frame, changedRows).orElse(null);
            if (scroll != null) {
                base = scroll.applyTo(shown);
                changes = FrameDiff.changes(base, frame);
            }
        }
        changes = trimmed(base, frame, changes);
        List<Rect> wanted = new ArrayList<>();
        for (Rect change : changes) {
            Rect part = intersect(change, area);
            if (!part.isEmpty()) {
                wanted.add(part);
            }
        }
        if (wanted.isEmpty() && scroll == null) {
            return count == 0 ? null : finish(count);
        }
        if (scroll != null) {
            writeHeader(scroll.destination(), CopyRectEncoder.TYPE);
            copyRect.encodeCopy(scroll, message);
            count++;
        }
        count += writePixels(wanted, frame, format, encodings);
        nextShown = wanted.equals(changes) ? frame : overlay(base, frame, wanted);
        return finish(count);
    }

    /** Records that the last prepared update reached the viewer. */
    void commit() {
        shown = nextShown;
        viewerWidth = nextWidth;
        viewerHeight = nextHeight;
    }

    @Override
    public void close() {
        for (Encoder encoder : new Encoder[] {raw, zrle, tight}) {
            if (encoder != null) {
                encoder.close();
            }
        }
    }

    private ByteSink resize(Frame frame, ViewerEncodings encodings, SizeNotice notice) throws StreamEndException {
        int count = 1;
        if (encodings.extendedDesktopSize()) {
            boolean answer = notice != null && notice.grantsResize();
            if (notice != null && !answer && notice.reason() == SizeNotice.REASON_THIS_VIEWER) {
                // The viewer's own request failed while the size changed for another reason: both are told.
                writeExtendedDesktopSize(frame, notice.reason(), notice.status());
                count++;
            }
            writeExtendedDesktopSize(frame, answer ? SizeNotice.REASON_THIS_VIEWER : SizeNotice.REASON_SERVER,
                    SizeNotice.STATUS_OK);
        } else if (encodings.desktopSize()) {
            writeHeader(frame.bounds(), ViewerEncodings.DESKTOP_SIZE);
        } else {
            throw new StreamEndException(StreamClosure.Cause.SCREEN_RESIZED, "the phone's screen changed to "
                    + frame.width() + "x" + frame.height() + " and this viewer cannot resize (no DesktopSize"
                    + " support); reconnect the viewer");
        }
        // After a resize the viewer's buffer is undefined: the next request gets everything.
        nextShown = null;
        nextWidth = frame.width();
        nextHeight = frame.height();
        return finish(count);
    }

    /**
     * An ExtendedDesktopSize rectangle: x the reason, y the status, the framebuffer's size, and one
     * screen covering all of it (the phone has one screen; noVNC sends its id back when it asks).
     */
    private void writeExtendedDesktopSize(Frame frame, int reason, int status) {
        writeHeader(Rect.of(reason, status, frame.width(), frame.height()), ViewerEncodings.EXTENDED_DESKTOP_SIZE);
        message.writeU32(1 << 24); // number-of-screens, then three bytes of padding
        message.writeU32(0); // screen id
        message.writeU16(0);
        message.writeU16(0);
        message.writeU16(frame.width());
        message.writeU16(frame.height());
        message.writeU32(0); // flags
    }

    private int writePixels(List<Rect> rects, Frame frame, PixelFormat format, ViewerEncodings encodings) {
        Encoder encoder = encoder(encodings, format);
        int count = 0;
        for (Rect r : rects) {
            List<Rect> pieces = encoder.split(frame, r);
            encoder.encodeAll(frame, pieces, format, message);
            count += pieces.size();
        }
        return count;
    }

    private Encoder encoder(ViewerEncodings encodings, PixelFormat format) {
        int level = encodings.compressionLevel() >= 0 ? encodings.compressionLevel() : defaultZlibLevel;
        switch (encodings.pixelEncoding()) {
            case TightEncoder.TYPE:
                if (tight == null) {
                    tight = jpeg == null ? TightEncoder.create(level) : TightEncoder.create(level, jpeg);
                }
                tight.setQualityLevel(jpeg == null || !TightEncoder.takesJpeg(format) ? -1 : encodings.qualityLevel());
                return tight;
            case ZrleEncoder.TYPE:
                if (zrle == null) {
                    zrle = ZrleEncoder.create(level);
                }
                return zrle;
            default:
                if (raw == null) {
                    raw = RawEncoder.create();
                }
                return raw;
        }
    }

    private void writeHeader(Rect r, int encoding) {
        Encoder.writeRectangleHeader(r, encoding, message);
    }

    private ByteSink finish(int rectangles) {
        if (rectangles > 0xFFFF) {
            throw new IllegalStateException("an update cannot hold " + rectangles + " rectangles");
        }
        // message-type 0, one byte of padding, number-of-rectangles: together the first four bytes.
        message.setU32(0, (FRAMEBUFFER_UPDATE << 24) | rectangles);
        return message;
    }

    /** Each change narrowed to the pixels that differ; tiles only found it. */
    private static List<Rect> trimmed(Frame before, Frame after, List<Rect> changes) {
        List<Rect> exact = new ArrayList<>(changes.size());
        for (Rect change : changes) {
            Rect r = FrameDiff.trim(before, after, change);
            if (!r.isEmpty()) {
                exact.add(r);
            }
        }
        return exact;
    }

    /** {@code top} inside {@code rects} over {@code base} (or over black when the viewer showed nothing). */
    private static Frame overlay(Frame base, Frame top, List<Rect> rects) {
        if (rects.size() == 1 && rects.get(0).equals(top.bounds())) {
            return top;
        }
        int[] pixels = base == null ? new int[top.width() * top.height()] : base.copyPixels(base.bounds());
        for (Rect r : rects) {
            int[] part = top.copyPixels(r);
            for (int row = 0; row < r.height(); row++) {
                System.arraycopy(part, row * r.width(), pixels, (r.y() + row) * top.width() + r.x(), r.width());
            }
        }
        return Frame.wrap(top.width(), top.height(), pixels);
    }

    /**
     * The rows of {@code area} from the first change to the last: a scroll moved rows that changed, so
     * the detector hashes only these (a tap changes a few rows, not the 2400 of the screen).
     */
    private static Rect changedRows(List<Rect> changes, Rect area) {
        int top = Integer.MAX_VALUE;
        int bottom = Integer.MIN_VALUE;
        for (Rect change : changes) {
            top = Math.min(top, change.y());
            bottom = Math.max(bottom, change.bottom());
        }
        return intersect(Rect.of(area.x(), top, area.width(), bottom - top), area);
    }

    private static Rect intersect(Rect a, Rect b) {
        int x = Math.max(a.x(), b.x());
        int y = Math.max(a.y(), b.y());
        int right = Math.min(a.right(), b.right());
        int bottom = Math.min(a.bottom(), b.bottom());
        if (right <= x || bottom <= y) {
            return Rect.of(Math.min(x, b.right()), Math.min(y, b.bottom()), 0, 0);
        }
        return Rect.of(x, y, right - x, bottom - y);
    }
}
