package dev.tandem.agent.rfb.encoding;

/**
 * Tight's gradient filter for 3-byte TPIXELs: each colour byte is sent as its difference from the
 * prediction left + above - above-left (clamped to 0..255, pixels outside the rectangle count as 0).
 * On photos, maps and shadows the differences are mostly small and repeat, so zlib packs them far
 * better than the colours themselves; noVNC and TigerVNC both decode it. On maps and UI text, which
 * jump between flat colours, the colours themselves pack better: {@link FilterChoice} decides.
 * Stateless; thread-safe.
 */
final class GradientFilter {
    private GradientFilter() {
    }

    /**
     * Appends the filtered bytes of {@code w * h} packed {@code pixels} (row-major), in the TPIXEL byte
     * order red, green, blue, taken from the pixel at the given shifts.
     */
    static void write(int[] pixels, int w, int h, int redShift, int greenShift, int blueShift, ByteSink out) {
        write(pixels, 0, w, h, redShift, greenShift, blueShift, out);
    }

    /** As {@link #write(int[], int, int, int, int, int, ByteSink)} for the rows starting at {@code from}. */
    static void write(int[] pixels, int from, int w, int h, int redShift, int greenShift, int blueShift,
            ByteSink out) {
        int count = w * h;
        byte[] buf = out.ensureRoom(count * 3);
        int at = out.position();
        int[] shifts = {redShift, greenShift, blueShift};
        for (int c = 0; c < 3; c++) {
            int shift = shifts[c];
            int o = at + c;
            // First row: only the left neighbour exists.
            int left = 0;
            for (int x = 0; x < w; x++, o += 3) {
                int v = (pixels[from + x] >>> shift) & 0xFF;
                buf[o] = (byte) (v - left);
                left = v;
            }
            for (int y = 1; y < h; y++) {
                int i = from + y * w;
                int up = (pixels[i - w] >>> shift) & 0xFF;
                int v = (pixels[i] >>> shift) & 0xFF;
                buf[o] = (byte) (v - up);
                o += 3;
                left = v;
                int upLeft = up;
                for (int x = 1; x < w; x++, o += 3) {
                    up = (pixels[i + x - w] >>> shift) & 0xFF;
                    v = (pixels[i + x] >>> shift) & 0xFF;
                    int prediction = left + up - upLeft;
                    if (prediction < 0) {
                        prediction = 0;
                    } else if (prediction > 255) {
                        prediction = 255;
                    }
                    buf[o] = (byte) (v - prediction);
                    left = v;
                    upLeft = up;
                }
            }
        }
        out.advance(count * 3);
    }
}
