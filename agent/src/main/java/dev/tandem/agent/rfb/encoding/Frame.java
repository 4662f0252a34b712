package dev.tandem.agent.rfb.encoding;

import java.util.concurrent.Future;

/**
 * An immutable snapshot of the screen: {@code width * height} ARGB pixels, row-major. Alpha is
 * ignored everywhere. Thread-safe (immutable): {@link #wrap} takes ownership of the array, so that a
 * 1080x2400 frame at 30 frames/s is not copied just to be looked at.
 */
public final class Frame {
    /** From this many pixels of rows to hash (most of a full-size phone screen), a helper hashes half. */
    private static final long TWO_THREADS_MIN_PIXELS = 1_000_000;

    private final int width;
    private final int height;
    private final int[] argb;
    // Hashes of whole rows, computed when first asked for: a frame is the new one of one update and
    // the old one of the next, and the scroll detector hashes the same rows of it both times.
    private final Object hashLock = new Object();
    private int[] rowHashes;
    private boolean[] rowHashed;

    private Frame(int width, int height, int[] argb) {
        this.width = width;
        this.height = height;
        this.argb = argb;
    }

    /**
     * A frame over {@code argb} without copying it. The caller hands the array over and must never
     * write to it again.
     */
    public static Frame wrap(int width, int height, int[] argb) {
        if (width <= 0 || height <= 0 || width > 65535 || height > 65535) {
            throw new IllegalArgumentException("RFB frames are 1..65535 pixels each way, got " + width + "x" + height);
        }
        if (argb.length != width * height) {
            throw new IllegalArgumentException("a " + width + "x" + height + " frame needs " + width * height
                    + " pixels, got " + argb.length);
        }
        return new Frame(width, height, argb);
    }

    /** A frame over a private copy of {@code argb}. */
    public static Frame copyOf(int width, int height, int[] argb) {
        return wrap(width, height, argb.clone());
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public Rect bounds() {
        return Rect.of(0, 0, width, height);
    }

    /** The ARGB value at column {@code x}, row {@code y}. */
    public int pixel(int x, int y) {
        if (x < 0 || y < 0 || x >= width || y >= height) {
            throw new IndexOutOfBoundsException(x + "," + y + " is outside " + width + "x" + height);
        }
        return argb[y * width + x];
    }

    /** A copy of the ARGB pixels of {@code r}, row-major with {@code r.width()} pixels per row. */
    public int[] copyPixels(Rect r) {
        requireInside(r);
        int[] copy = new int[r.width() * r.height()];
        for (int row = 0; row < r.height(); row++) {
            System.arraycopy(argb, (r.y() + row) * width + r.x(), copy, row * r.width(), r.width());
        }
        return copy;
    }

    /** Throws unless {@code r} lies inside this frame, with a message naming both. */
    public void requireInside(Rect r) {
        if (!bounds().contains(r)) {
            throw new IllegalArgumentException("rectangle " + r + " is outside the " + width + "x" + height + " frame");
        }
    }

    /**
     * The hashes of rows {@code from} (inclusive) to {@code to} (exclusive), each over the whole row,
     * into {@code into[0..]}. Rows hashed before are not hashed again; many rows are hashed by two
     * threads. Thread-safe.
     */
    void wholeRowHashes(int from, int to, int[] into) {
        synchronized (hashLock) {
            if (rowHashes == null) {
                rowHashes = new int[height];
                rowHashed = new boolean[height];
            }
            if ((long) (to - from) * width >= TWO_THREADS_MIN_PIXELS && HelperThreads.available()) {
                int middle = (from + to) >>> 1;
                Future<?> lower = HelperThreads.start(() -> hashRows(middle, to));
                try {
                    hashRows(from, middle);
                } finally {
                    HelperThreads.await(lower);
                }
            } else {
                hashRows(from, to);
            }
            System.arraycopy(rowHashes, from, into, 0, to - from);
        }
    }

    /** Under hashLock (a helper works on other rows meanwhile). */
    private void hashRows(int from, int to) {
        for (int y = from; y < to; y++) {
            if (!rowHashed[y]) {
                rowHashes[y] = rowHash(argb, y * width, width);
                rowHashed[y] = true;
            }
        }
    }

    /**
     * A hash of {@code length} pixels from {@code at}. Four interleaved accumulators instead of one
     * chain: the multiply of one pixel no longer waits for the previous one's, which made this the
     * agent's hottest loop (a quarter of its CPU per update at 1080x2400).
     */
    static int rowHash(int[] pixels, int at, int length) {
        int end = at + length;
        int h0 = 1;
        int h1 = 0;
        int h2 = 0;
        int h3 = 0;
        int i = at;
        for (; i + 3 < end; i += 4) {
            h0 = 31 * h0 + pixels[i];
            h1 = 31 * h1 + pixels[i + 1];
            h2 = 31 * h2 + pixels[i + 2];
            h3 = 31 * h3 + pixels[i + 3];
        }
        for (; i < end; i++) {
            h0 = 31 * h0 + pixels[i];
        }
        return ((h0 * 0x9E3779B1 + h1) * 0x9E3779B1 + h2) * 0x9E3779B1 + h3;
    }

    /** The backing pixels, for encoders in this package only: never write to them. */
    int[] argb() {
        return argb;
    }
}
