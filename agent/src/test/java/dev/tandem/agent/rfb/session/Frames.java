package dev.tandem.agent.rfb.session;

import dev.tandem.agent.rfb.encoding.Frame;
import dev.tandem.agent.rfb.encoding.PixelFormat;
import dev.tandem.agent.rfb.encoding.Rect;
import java.util.Random;

/** Test screens: a mixed screen that exercises every encoder path, a scrollable list, edits. */
final class Frames {
    private Frames() {
    }

    /** Solid bar, two-colour "text" stripes, a gradient and noise: fills, palettes and full colour. */
    static Frame mixed(int width, int height, long seed) {
        Random random = new Random(seed);
        int[] argb = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int pixel;
                if (y < height / 4) {
                    pixel = 0xFF1565C0;
                } else if (y < height / 2) {
                    pixel = ((x / 3 + y) % 5 == 0) ? 0xFF000000 : 0xFFFFFFFF;
                } else if (y < 3 * height / 4) {
                    pixel = 0xFF000000 | (x * 255 / width) << 16 | (y * 255 / height) << 8 | 0x40;
                } else {
                    pixel = 0xFF000000 | random.nextInt(0x1000000);
                }
                argb[y * width + x] = pixel;
            }
        }
        return Frame.wrap(width, height, argb);
    }

    /**
     * A list between a 32-row top bar and a 32-row bottom bar, scrolled by {@code offset} rows: every
     * list row is unique, so a scroll is recognisable.
     */
    static Frame list(int width, int height, int offset) {
        int[] argb = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int pixel;
                if (y < 32) {
                    pixel = 0xFF202080;
                } else if (y >= height - 32) {
                    pixel = 0xFF808080;
                } else {
                    int row = y + offset;
                    // Odd multiplier: a bijection modulo 2^24, so no two rows are alike.
                    pixel = 0xFF000000 | (int) (((row * 2654435761L) ^ (x / 8 * 97L)) & 0xFFFFFF);
                }
                argb[y * width + x] = pixel;
            }
        }
        return Frame.wrap(width, height, argb);
    }

    /** {@code frame} with {@code r} painted in {@code colour}. */
    static Frame paint(Frame frame, Rect r, int colour) {
        int[] argb = frame.copyPixels(frame.bounds());
        for (int y = r.y(); y < r.bottom(); y++) {
            for (int x = r.x(); x < r.right(); x++) {
                argb[y * frame.width() + x] = colour;
            }
        }
        return Frame.wrap(frame.width(), frame.height(), argb);
    }

    /** The pixel values a viewer in {@code format} must hold for {@code frame}. */
    static int[] packed(Frame frame, PixelFormat format) {
        int[] argb = frame.copyPixels(frame.bounds());
        int[] pixels = new int[argb.length];
        for (int i = 0; i < argb.length; i++) {
            pixels[i] = format.pack(argb[i]);
        }
        return pixels;
    }
}
