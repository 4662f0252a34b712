package dev.tandem.agent.rfb.encoding;

/**
 * The distinct pixel values of a tile, up to a limit, with an index for each in order of first
 * appearance. An open-addressing table with a generation stamp, so that starting a new tile costs
 * nothing. Not thread-safe.
 */
final class ColourPalette {
    private final int limit;
    private final int mask;
    private final int shift;
    private final int[] keys;
    private final int[] indices;
    private final int[] stamps;
    private final int[] colours;
    private int stamp = 1;
    private int size;
    private boolean overflowed;

    ColourPalette(int limit) {
        this.limit = limit;
        int slots = Integer.highestOneBit(limit * 4 - 1) << 1;
        this.mask = slots - 1;
        this.shift = 32 - Integer.numberOfTrailingZeros(slots);
        this.keys = new int[slots];
        this.indices = new int[slots];
        this.stamps = new int[slots];
        this.colours = new int[limit];
    }

    void reset() {
        size = 0;
        overflowed = false;
        if (++stamp == Integer.MAX_VALUE) {
            java.util.Arrays.fill(stamps, 0);
            stamp = 1;
        }
    }

    /** Adds {@code pixel}; returns false (and stays overflowed until reset) once past the limit. */
    boolean add(int pixel) {
        if (overflowed) {
            return false;
        }
        int slot = (pixel * 0x9E3779B1) >>> shift;
        while (stamps[slot] == stamp) {
            if (keys[slot] == pixel) {
                return true;
            }
            slot = (slot + 1) & mask;
        }
        if (size == limit) {
            overflowed = true;
            return false;
        }
        stamps[slot] = stamp;
        keys[slot] = pixel;
        indices[slot] = size;
        colours[size++] = pixel;
        return true;
    }

    /**
     * Adds {@code pixel} if it is new and returns its index, or -1 (staying overflowed until reset)
     * once past the limit: one hash lookup where {@link #add} and {@link #indexOf} take two.
     */
    int intern(int pixel) {
        if (overflowed) {
            return -1;
        }
        int slot = (pixel * 0x9E3779B1) >>> shift;
        while (stamps[slot] == stamp) {
            if (keys[slot] == pixel) {
                return indices[slot];
            }
            slot = (slot + 1) & mask;
        }
        if (size == limit) {
            overflowed = true;
            return -1;
        }
        stamps[slot] = stamp;
        keys[slot] = pixel;
        indices[slot] = size;
        colours[size] = pixel;
        return size++;
    }

    /** The index of a pixel that was added. */
    int indexOf(int pixel) {
        int slot = (pixel * 0x9E3779B1) >>> shift;
        while (stamps[slot] == stamp) {
            if (keys[slot] == pixel) {
                return indices[slot];
            }
            slot = (slot + 1) & mask;
        }
        throw new IllegalStateException("pixel " + Integer.toHexString(pixel) + " is not in the palette");
    }

    int size() {
        return size;
    }

    boolean overflowed() {
        return overflowed;
    }

    int colour(int index) {
        return colours[index];
    }
}
