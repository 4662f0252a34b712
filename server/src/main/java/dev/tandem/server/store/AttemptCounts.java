package dev.tandem.server.store;

import java.time.Duration;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;

/**
 * Attempts per key in a window, counted in the database so that every node of a cluster adds to the
 * same count (issue 16): wrong session-code guesses spread over three nodes are refused at the same
 * 21st guess as on one. A window starts with its key's first attempt; one UPSERT adds an attempt
 * (PostgreSQL's {@code ON CONFLICT}), starting a new window when the old one has ended. A server
 * alone keeps counting in memory ({@code auth.AttemptLimiter}). Thread-safe.
 */
public final class AttemptCounts {
    private final Jdbi jdbi;

    public AttemptCounts(Database database) {
        this.jdbi = database.jdbi();
    }

    /** Attempts of {@code key} in its window, which ends {@code window} after it started. */
    public int attempts(String key, Duration window, Instant now) {
        return jdbi.withHandle(h -> h.createQuery("SELECT attempts FROM attempt_counts WHERE attempt_key = :key"
                        + " AND window_start > :cut")
                .bind("key", key).bind("cut", now.minus(window)).mapTo(Integer.class).findOne().orElse(0));
    }

    /** Adds one attempt of {@code key}; returns its attempts in the window now. */
    public int add(String key, Duration window, Instant now) {
        return jdbi.withHandle(h -> h.createQuery("INSERT INTO attempt_counts (attempt_key, window_start, attempts)"
                        + " VALUES (:key, :now, 1) ON CONFLICT (attempt_key) DO UPDATE SET"
                        + " attempts = CASE WHEN attempt_counts.window_start <= :cut THEN 1"
                        + " ELSE attempt_counts.attempts + 1 END,"
                        + " window_start = CASE WHEN attempt_counts.window_start <= :cut THEN :now"
                        + " ELSE attempt_counts.window_start END RETURNING attempts")
                .bind("key", key).bind("now", now).bind("cut", now.minus(window)).mapTo(Integer.class).one());
    }

    /** Deletes the windows that ended before {@code cut} (the timer leader, now and then). */
    public int deleteEnded(Instant cut) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM attempt_counts WHERE window_start <= :cut")
                .bind("cut", cut).execute());
    }
}
