package dev.tandem.android.screen;

import java.nio.ByteBuffer;

/**
 * Turns an ImageReader plane in {@code RGBA_8888} (bytes R, G, B, A per pixel, rows {@code rowStride}
 * bytes apart, possibly padded) into the agent's ARGB ints. Pure Java, so it is tested and benchmarked
 * on the JVM. Stateless and thread-safe.
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
        if (rowStride < width * BYTES_PER_PIXEL) {
            throw new IllegalArgumentException("a row stride of " + rowStride + " bytes is shorter than " + width + " pixels");
        }
        long needed = (long) rowStride * (height - 1) + (long) width * BYTES_PER_PIXEL;
        if (plane.remaining() < needed) {
            throw new IllegalArgumentException("the plane holds " + plane.remaining() + " bytes, a " + width + "x"
                    + height + " image needs " + needed);
        }
        int[] argb = new int[width * height];
        byte[] row = new byte[width * BYTES_PER_PIXEL];
        int base = plane.position();
        for (int y = 0; y < height; y++) {
            plane.position(base + y * rowStride);
            plane.get(row);
            int at = y * width;
            for (int x = 0, b = 0; x < width; x++, b += BYTES_PER_PIXEL) {
                argb[at + x] = 0xFF000000 | (row[b] & 0xFF) << 16 | (row[b + 1] & 0xFF) << 8 | (row[b + 2] & 0xFF);
            }
        }
        plane.position(base);
        return argb;
    }
}
