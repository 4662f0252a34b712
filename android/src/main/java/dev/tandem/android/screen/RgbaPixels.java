package dev.tandem.android.screen;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;

/**
 * Turns an ImageReader plane in {@code RGBA_8888} (bytes R, G, B, A per pixel, rows {@code rowStride}
 * bytes apart, possibly padded) into the agent's ARGB ints. It reads the plane as little-endian ints
 * (one per pixel, A-B-G-R from the top bit) and swaps red and blue in place, so no row is copied on
 * the way. Pure Java, so it is tested and benchmarked on the JVM. Stateless and thread-safe; the
 * plane's position and order are left as they were.
 */
public final class RgbaPixels {
    private static final int BYTES_PER_PIXEL = 4;

    private RgbaPixels() {
    }

    /**
     * The ARGB pixels of a {@code width} x {@code height} plane (alpha forced to opaque).
     *
     * @throws IllegalArgumentException when the plane is not 4 bytes per pixel or too small
     */
    public static int[] toArgb(ByteBuffer plane, int width, int height, int pixelStride, int rowStride) {
        if (pixelStride != BYTES_PER_PIXEL) {
            throw new IllegalArgumentException("expected RGBA_8888 (4 bytes per pixel), got a pixel stride of " + pixelStride);
        }
        if (rowStride < width * BYTES_PER_PIXEL || rowStride % BYTES_PER_PIXEL != 0) {
            throw new IllegalArgumentException("a row stride of " + rowStride + " bytes does not fit " + width + " pixels");
        }
        long needed = (long) rowStride * (height - 1) + (long) width * BYTES_PER_PIXEL;
        if (plane.remaining() < needed) {
            throw new IllegalArgumentException("the plane holds " + plane.remaining() + " bytes, a " + width + "x"
                    + height + " image needs " + needed);
        }
        // duplicate(): the caller's buffer keeps its position and byte order.
        IntBuffer abgr = plane.duplicate().order(ByteOrder.LITTLE_ENDIAN).asIntBuffer();
        int[] argb = new int[width * height];
        int intsPerRow = rowStride / BYTES_PER_PIXEL;
        for (int y = 0; y < height; y++) {
            int from = y * intsPerRow;
            int at = y * width;
            for (int x = 0; x < width; x++) {
                int p = abgr.get(from + x);
                argb[at + x] = 0xFF000000 | (p & 0x0000FF00) | (p & 0xFF) << 16 | (p >>> 16) & 0xFF;
            }
        }
        return argb;
    }
}
