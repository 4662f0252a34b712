package dev.tandem.agent.screen;

/** A width and a height in pixels, each 1..65535 (what RFB can carry). Immutable. */
public final class ScreenSize {
    private final int width;
    private final int height;

    private ScreenSize(int width, int height) {
        this.width = width;
        this.height = height;
    }

    /** @throws IllegalArgumentException when a side is outside 1..65535 */
    public static ScreenSize of(int width, int height) {
        if (width < 1 || height < 1 || width > 65535 || height > 65535) {
            throw new IllegalArgumentException("a screen is 1..65535 pixels each way, got " + width + "x" + height);
        }
        return new ScreenSize(width, height);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** True when this size is at least {@code other} both ways. */
    public boolean covers(ScreenSize other) {
        return width >= other.width && height >= other.height;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScreenSize && ((ScreenSize) o).width == width && ((ScreenSize) o).height == height;
    }

    @Override
    public int hashCode() {
        return width * 65536 + height;
    }

    @Override
    public String toString() {
        return width + "x" + height;
    }
}
