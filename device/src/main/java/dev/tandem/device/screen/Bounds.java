package dev.tandem.device.screen;

/** An axis-aligned rectangle on the phone's screen, in pixels. Thread-safe (immutable). */
public record Bounds(int x, int y, int width, int height) {

    public boolean contains(int px, int py) {
        return px >= x && py >= y && px < x + width && py < y + height;
    }

    public int right() {
        return x + width;
    }

    public int bottom() {
        return y + height;
    }

    public int centerX() {
        return x + width / 2;
    }

    public int centerY() {
        return y + height / 2;
    }

    /** The same rectangle moved down by {@code dy} pixels. */
    Bounds shiftedDown(int dy) {
        return new Bounds(x, y + dy, width, height);
    }
}
