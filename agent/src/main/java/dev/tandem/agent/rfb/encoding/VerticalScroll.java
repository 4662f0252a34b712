package dev.tandem.agent.rfb.encoding;

/**
 * A band of the screen whose content moved vertically: the viewer can copy it from {@link #sourceY()}
 * to {@link #destination()} with one CopyRect instead of receiving its pixels. Thread-safe (immutable).
 */
public final class VerticalScroll {
    private final Rect destination;
    private final int sourceY;

    private VerticalScroll(Rect destination, int sourceY) {
        this.destination = destination;
        this.sourceY = sourceY;
    }

    public static VerticalScroll of(Rect destination, int sourceY) {
        if (sourceY < 0 || sourceY == destination.y()) {
            throw new IllegalArgumentException("a scroll needs a source row >= 0 other than the destination's, got "
                    + sourceY + " for " + destination);
        }
        return new VerticalScroll(destination, sourceY);
    }

    /** Where the band is in the current frame. */
    public Rect destination() {
        return destination;
    }

    /** Top row of the band in the previous frame. */
    public int sourceY() {
        return sourceY;
    }

    /** Rows the content moved up (positive) or down (negative). */
    public int shift() {
        return sourceY - destination.y();
    }

    /**
     * What the viewer shows after the CopyRect, given it showed {@code previous}: diff this against the
     * current frame with {@link FrameDiff} to find what still has to be sent.
     */
    public Frame applyTo(Frame previous) {
        int[] pixels = previous.argb().clone();
        int width = previous.width();
        // Copy through the previous frame, not in place: RFC 6143 defines CopyRect as if via a buffer.
        for (int row = 0; row < destination.height(); row++) {
            System.arraycopy(previous.argb(), (sourceY + row) * width + destination.x(), pixels,
                    (destination.y() + row) * width + destination.x(), destination.width());
        }
        return Frame.wrap(width, previous.height(), pixels);
    }

    @Override
    public String toString() {
        return "scroll " + destination + " from row " + sourceY;
    }
}
