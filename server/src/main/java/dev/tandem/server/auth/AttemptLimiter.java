package dev.tandem.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failures per key (a client address, a user name) in a sliding window. Used to slow and
 * then refuse password and code guessing. Thread-safe.
 */
public final class AttemptLimiter {
    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public AttemptLimiter(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** Failures of {@code key} still inside the window. */
    public int failures(String key) {
        Deque<Instant> recent = failures.get(key);
        if (recent == null) {
            return 0;
        }
        synchronized (recent) {
            prune(recent);
            return recent.size();
        }
    }

    public boolean isBlocked(String key) {
        return failures(key) >= limit;
    }

    public void recordFailure(String key) {
        Deque<Instant> recent = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (recent) {
            prune(recent);
            recent.addLast(clock.instant());
        }
        if (failures.size() > 100_000) {
            failures.entrySet().removeIf(e -> failures(e.getKey()) == 0);
        }
    }

    public void reset(String key) {
        failures.remove(key);
    }

    public Duration window() { return window; }

    private void prune(Deque<Instant> recent) {
        Instant oldest = clock.instant().minus(window);
        while (!recent.isEmpty() && recent.peekFirst().isBefore(oldest)) {
            recent.removeFirst();
        }
    }
}
