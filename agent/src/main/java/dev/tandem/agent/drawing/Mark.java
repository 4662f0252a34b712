package dev.tandem.agent.drawing;

/**
 * One thing the technician drew: the pointer (one point) or a pen stroke (a line through its
 * points), in the phone's screen pixels, shown until {@link #until()} and fading over its last
 * {@link Drawings#FADE_MILLIS}. Immutable.
 */
public final class Mark {
    public enum Kind { POINTER, STROKE }

    private final Kind kind;
    private final int[][] points;
    private final long until;

    Mark(Kind kind, int[][] points, long until) {
        this.kind = kind;
        this.points = points;
        this.until = until;
    }

    public Kind kind() {
        return kind;
    }

    /** The wire name: {@code pointer} or {@code stroke}. */
    public String kindName() {
        return kind == Kind.POINTER ? "pointer" : "stroke";
    }

    /** {@code [x, y]} pairs in the phone's pixels; do not change them. */
    public int[][] points() {
        return points;
    }

    /** When it is gone (the model's clock, in milliseconds). */
    public long until() {
        return until;
    }

    /** 1 while fully shown, down to 0 over the last {@link Drawings#FADE_MILLIS} before {@link #until()}. */
    public float opacity(long now) {
        long left = until - now;
        if (left <= 0) {
            return 0f;
        }
        return left >= Drawings.FADE_MILLIS ? 1f : left / (float) Drawings.FADE_MILLIS;
    }
}
