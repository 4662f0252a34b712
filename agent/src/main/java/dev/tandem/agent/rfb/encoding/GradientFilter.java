package dev.tandem.agent.rfb.encoding;

/**
 * Tight's gradient filter for 3-byte TPIXELs: each colour byte is sent as its difference from the
 * prediction left + above - above-left (clamped to 0..255, pixels outside the rectangle count as 0).
 * On photos, maps and shadows the differences are mostly small and repeat, so zlib packs them far
 * better than the colours themselves; noVNC and TigerVNC both decode it. Stateless; thread-safe.
 */
final class GradientFilter {
    private GradientFilter() {
    }

    /**
     * Appends the filtered bytes of {@code w * h} packed {@code pixels} (row-major), in the TPIXEL byte
     * order red, green, blue, taken from the pixel at the given shifts.
     */
    static void write(int[] pixels, int w, int h, int redShift, int greenShift, int blueShift, ByteSink out) {
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
                int v = (pixels[x] >>> shift) & 0xFF;
                buf[o] = (byte) (v - left);
                left = v;
            }
            for (int y = 1; y < h; y++) {
                int i = y * w;
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

    /** A prediction this close on every channel counts as a hit. */
    private static final int CLOSE = 6;
    /**
     * Percent of colour changes that the prediction must hit for the filter to pay. Photos hit most of
     * theirs; maps and UI text jump between flat colours, where zlib does better on the colours
     * themselves (gradient made transportr's maps 35% bigger).
     */
    private static final int HIT_PERCENT = 55;

    /**
     * Whether the gradient filter should beat plain colours under zlib for these pixels: pixels equal
     * to their left neighbour cost nearly nothing either way, so only the others are judged.
     */
    static boolean pays(int[] pixels, int w, int h, int redShift, int greenShift, int blueShift) {
        long changed = 0;
        long hits = 0;
        for (int y = 1; y < h; y++) {
            int i = y * w;
            for (int x = 1; x < w; x++) {
                int p = pixels[i + x];
                int left = pixels[i + x - 1];
                if (p == left) {
                    continue;
                }
                changed++;
                int up = pixels[i + x - w];
                int upLeft = pixels[i + x - w - 1];
                if (close(p, left, up, upLeft, redShift) && close(p, left, up, upLeft, greenShift)
                        && close(p, left, up, upLeft, blueShift)) {
                    hits++;
                }
            }
        }
        return hits * 100 >= changed * HIT_PERCENT;
    }

    private static boolean close(int p, int left, int up, int upLeft, int shift) {
        int prediction = ((left >>> shift) & 0xFF) + ((up >>> shift) & 0xFF) - ((upLeft >>> shift) & 0xFF);
        return Math.abs(((p >>> shift) & 0xFF) - prediction) <= CLOSE;
    }
}
