package dev.tandem.server.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;

/**
 * Counts attempts per key (a client address's limit key, a user name) in a window that starts with
 * the key's first counted attempt; once the window has passed the key starts again from zero. Used
 * to refuse password and code guessing and to limit chat requests.
 *
 * <p>Each attempt costs one hash-map operation, however many keys there are, and the keys live in a
 * Caffeine cache bounded in size (least useful keys go first when it is full) that drops each key
 * when its window ends, so a guesser spread over many addresses can neither grow the memory nor
 * make each attempt slower. Thread-safe.
 */
public final class AttemptLimiter {
    /** Keys kept at most by default (about 100 bytes each). */
    public static final long DEFAULT_MAX_KEYS = 200_000;
    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Cache<String, Window> windows;

    /** Counts of one key: when its window started and how many attempts it holds. */
    private record Window(long startMillis, int count) {
    }

    public AttemptLimiter(int limit, Duration window, Clock clock) {
        this(limit, window, clock, DEFAULT_MAX_KEYS);
    }

    public AttemptLimiter(int limit, Duration window, Clock clock, long maxKeys) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
        long windowNanos = window.toNanos();
        this.windows = Caffeine.newBuilder()
                .maximumSize(maxKeys)
                .ticker(() -> clock.millis() * 1_000_000L)
                // Housekeeping runs on the caller's thread: no pool of its own, and tests see it at once.
                .executor(Runnable::run)
                .expireAfter(new Expiry<String, Window>() {
                    @Override
                    public long expireAfterCreate(String key, Window value, long now) {
                        return Math.max(0, value.startMillis() * 1_000_000L + windowNanos - now);
                    }

                    @Override
                    public long expireAfterUpdate(String key, Window value, long now, long current) {
                        return expireAfterCreate(key, value, now);
                    }

                    @Override
                    public long expireAfterRead(String key, Window value, long now, long current) {
                        return current;
                    }
                })
                .build();
    }

    /** Attempts of {@code key} in its current window. */
    public int failures(String key) {
        Window current = windows.getIfPresent(key);
        return current == null || ended(current) ? 0 : current.count();
    }

    public boolean isBlocked(String key) {
        return failures(key) >= limit;
    }

    /** How long until {@code key}'s window ends (zero when it holds nothing). */
    public Duration retryAfter(String key) {
        Window current = windows.getIfPresent(key);
        if (current == null || ended(current)) {
            return Duration.ZERO;
        }
        return Duration.ofMillis(Math.max(0, current.startMillis() + window.toMillis() - clock.millis()));
    }

    public void recordFailure(String key) {
        long now = clock.millis();
        windows.asMap().compute(key, (k, current) -> current == null || ended(current)
                ? new Window(now, 1) : new Window(current.startMillis(), current.count() + 1));
    }

    public void reset(String key) {
        windows.invalidate(key);
    }

    public Duration window() { return window; }

    public int limit() { return limit; }

    /** Keys held now (for tests and metrics; approximate while others write). */
    public long size() {
        windows.cleanUp();
        return windows.estimatedSize();
    }

    private boolean ended(Window current) {
        return clock.millis() - current.startMillis() >= window.toMillis();
    }
}
