package dev.tandem.agent.rfb.encoding;

import java.util.zip.DataFormatException;

/** Encode with the real encoder, decode with the test's viewer-side decoder, compare pixel values. */
final class RoundTrip {
    private RoundTrip() {
    }

    /** What the viewer must end up with: each ARGB pixel packed into its format. */
    static int[] expected(Frame frame, Rect r, PixelFormat format) {
        int[] argb = frame.copyPixels(r);
        int[] pixels = new int[argb.length];
        for (int i = 0; i < argb.length; i++) {
            pixels[i] = format.pack(argb[i]);
        }
        return pixels;
    }

    static int[] raw(Frame frame, Rect r, PixelFormat format) {
        ByteSink out = ByteSink.create();
        RawEncoder.create().encode(frame, r, format, out);
        return RawDecoder.decode(out.toByteArray(), r, format);
    }

    static int[] zrle(ZrleEncoder encoder, ZrleDecoder decoder, Frame frame, Rect r, PixelFormat format)
            throws DataFormatException {
        ByteSink out = ByteSink.create();
        encoder.encode(frame, r, format, out);
        return decoder.decode(out.toByteArray(), r, format);
    }

    /** Tight sends a big rectangle as several; the viewer paints each piece where its header says. */
    static int[] tight(TightEncoder encoder, TightDecoder decoder, Frame frame, Rect r, PixelFormat format)
            throws DataFormatException {
        int[] pixels = new int[(int) r.area()];
        for (Rect piece : encoder.split(frame, r)) {
            if (!r.contains(piece) || piece.width() > 2048) {
                throw new AssertionError("piece " + piece + " of " + r + " is outside it or too wide");
            }
            ByteSink out = ByteSink.create();
            encoder.encode(frame, piece, format, out);
            int[] decoded = decoder.decode(out.toByteArray(), piece, format);
            for (int y = 0; y < piece.height(); y++) {
                System.arraycopy(decoded, y * piece.width(), pixels,
                        (piece.y() - r.y() + y) * r.width() + piece.x() - r.x(), piece.width());
            }
        }
        return pixels;
    }

    /** Fails with the first differing pixel instead of printing millions of values. */
    static void assertSamePixels(int[] actual, int[] expected, Rect r, String what) {
        if (actual.length != expected.length) {
            throw new AssertionError(what + ": " + actual.length + " pixels decoded, expected " + expected.length);
        }
        for (int i = 0; i < expected.length; i++) {
            if (actual[i] != expected[i]) {
                throw new AssertionError(what + ": pixel " + (i % r.width()) + "," + (i / r.width()) + " of " + r
                        + " decoded as " + Integer.toHexString(actual[i]) + ", expected "
                        + Integer.toHexString(expected[i]));
            }
        }
    }
}
