package dev.tandem.agent.rfb.encoding;

/**
 * CopyRect encoding (1, RFC 6143 7.7.2): tells the viewer to copy a rectangle it already has from
 * another position, four bytes whatever the size. The payload depends on where the pixels come from,
 * not on the pixels, so this is not an {@link Encoder}; {@link ScrollDetector} finds the source for
 * the common case of a scrolled list. Thread-safe (stateless).
 */
public final class CopyRectEncoder {
    public static final int TYPE = 1;

    private CopyRectEncoder() {
    }

    public static CopyRectEncoder create() {
        return new CopyRectEncoder();
    }

    public int type() {
        return TYPE;
    }

    /** Writes the payload for a rectangle whose pixels the viewer copies from {@code (srcX, srcY)}. */
    public void encodeCopy(int srcX, int srcY, ByteSink out) {
        if (srcX < 0 || srcY < 0 || srcX > 0xFFFF || srcY > 0xFFFF) {
            throw new IllegalArgumentException("a CopyRect source is 0..65535 each way, got " + srcX + "," + srcY);
        }
        out.writeU16(srcX);
        out.writeU16(srcY);
    }

    /** Writes the payload that moves the band of {@code scroll} into place. */
    public void encodeCopy(VerticalScroll scroll, ByteSink out) {
        encodeCopy(scroll.destination().x(), scroll.sourceY(), out);
    }
}
