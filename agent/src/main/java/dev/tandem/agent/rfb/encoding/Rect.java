package dev.tandem.agent.rfb.encoding;

/** An immutable rectangle in framebuffer pixels. Thread-safe (immutable). */
public final class Rect {
    private final int x;
    private final int y;
    private final int width;
    private final int height;

    private Rect(int x, int y, int width, int height) {
        this.x = x;
        this.y = y;
        this.width = width;
        this.height = height;
    }

    /** A rectangle; width and height may be zero (an empty update), never negative. */
    public static Rect of(int x, int y, int width, int height) {
        if (x < 0 || y < 0 || width < 0 || height < 0) {
            throw new IllegalArgumentException("a rectangle needs x, y >= 0 and a size >= 0, got "
                    + x + "," + y + " " + width + "x" + height);
        }
        return new Rect(x, y, width, height);
    }

    public int x() {
        return x;
    }

    public int y() {
        return y;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** First column to the right of the rectangle. */
    public int right() {
        return x + width;
    }

    /** First row below the rectangle. */
    public int bottom() {
        return y + height;
    }

    public long area() {
        return (long) width * height;
    }

    public boolean isEmpty() {
        return width == 0 || height == 0;
    }

    /** Whether {@code other} lies entirely inside this rectangle. */
    public boolean contains(Rect other) {
        return other.x >= x && other.y >= y && other.right() <= right() && other.bottom() <= bottom();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Rect)) {
            return false;
        }
        Rect r = (Rect) o;
        return x == r.x && y == r.y && width == r.width && height == r.height;
    }

    @Override
    public int hashCode() {
        return ((x * 31 + y) * 31 + width) * 31 + height;
    }

    @Override
    public String toString() {
        return width + "x" + height + "+" + x + "+" + y;
    }
}
