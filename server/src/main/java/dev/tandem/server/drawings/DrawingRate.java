package dev.tandem.server.drawings;

import java.time.Clock;

/**
 * How often one session may send drawings: a bucket of {@link #BURST} that refills at
 * {@link #PER_SECOND} a second. The console sends at most 20 pointer positions a second plus the
 * odd stroke, well inside it; a technician's script that floods is refused (429) for its own session
 * only, and the phone never gets more than the bucket lets through. Not thread-safe: used on the
 * session's loop.
 */
public final class DrawingRate {
    public static final int PER_SECOND = 30;
    public static final int BURST = 40;
    private final Clock clock;
    private double tokens = BURST;
    private long lastMillis;
    private boolean started;

    public DrawingRate(Clock clock) {
        this.clock = clock;
    }

    /** Takes one drawing's place; false when the session sends too fast right now. */
    public boolean take() {
        long now = clock.millis();
        if (started) {
            tokens = Math.min(BURST, tokens + Math.max(0, now - lastMillis) / 1000.0 * PER_SECOND);
        }
        started = true;
        lastMillis = now;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }
}
