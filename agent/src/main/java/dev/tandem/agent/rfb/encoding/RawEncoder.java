package dev.tandem.agent.rfb.encoding;

/**
 * Raw encoding (0, RFC 6143 7.7.1): every pixel as a PIXEL, row by row. Every viewer understands it;
 * it is the fallback and the baseline. Not thread-safe (reuses a row buffer).
 */
public final class RawEncoder implements Encoder {
    public static final int TYPE = 0;

    private int[] row = new int[0];

    private RawEncoder() {
    }

    public static RawEncoder create() {
        return new RawEncoder();
    }

    @Override
    public int type() {
        return TYPE;
    }

    @Override
    public void encode(Frame frame, Rect r, PixelFormat format, ByteSink out) {
        frame.requireInside(r);
        if (row.length < r.width()) {
            row = new int[r.width()];
        }
        int[] argb = frame.argb();
        out.ensureRoom((int) Math.min(Integer.MAX_VALUE - 16, r.area() * format.bytesPerPixel()));
        for (int y = r.y(); y < r.bottom(); y++) {
            format.pack(argb, y * frame.width() + r.x(), r.width(), row, 0);
            format.writePixels(row, 0, r.width(), out);
        }
    }
}
