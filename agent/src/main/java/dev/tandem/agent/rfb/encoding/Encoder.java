package dev.tandem.agent.rfb.encoding;

import java.util.List;

/**
 * Writes the payload of one FramebufferUpdate rectangle in one RFB encoding. The session writes the
 * 12-byte rectangle header (position, size, {@link #type()}) itself.
 *
 * <p>Implementations that keep zlib streams are per viewer and not thread-safe; {@link #close()}
 * releases their native memory when the viewer leaves.
 */
public interface Encoder extends AutoCloseable {
    /** The RFB encoding number written in the rectangle header. */
    int type();

    /**
     * Appends the payload for rectangle {@code r} of {@code frame}, in the viewer's {@code format}, to
     * {@code out}. {@code r} must be one of the pieces {@link #split} returned.
     */
    void encode(Frame frame, Rect r, PixelFormat format, ByteSink out);

    /**
     * Appends each of {@code pieces} of {@code frame} (as {@link #split} returned them) as a rectangle:
     * its header, then its payload. Encoders may use a second thread and send the rectangles in another
     * order (a viewer draws each where its header says); each payload is what {@link #encode} gives.
     */
    default void encodeAll(Frame frame, List<Rect> pieces, PixelFormat format, ByteSink out) {
        for (Rect piece : pieces) {
            writeRectangleHeader(piece, type(), out);
            encode(frame, piece, format, out);
        }
    }

    /** A FramebufferUpdate rectangle's header (RFC 6143 7.6.1): position, size and encoding type. */
    static void writeRectangleHeader(Rect r, int encoding, ByteSink out) {
        out.writeU16(r.x());
        out.writeU16(r.y());
        out.writeU16(r.width());
        out.writeU16(r.height());
        out.writeU32(encoding);
    }

    /**
     * The rectangles to send for {@code r} of {@code frame}, each with its own header: most encodings
     * take any size; Tight limits width and data size and sends single-colour areas apart, so the
     * session asks before encoding.
     */
    default List<Rect> split(Frame frame, Rect r) {
        return List.of(r);
    }

    @Override
    default void close() {
    }
}
