package dev.tandem.server.net;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many of something (connections, requests) each key holds right now. A key is in the map only
 * while its count is above zero, so the map is never larger than what is held. Thread-safe.
 */
final class CountsPerKey {
    private final ConcurrentHashMap<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    /** Counts one more for {@code key} and returns its new count. */
    int acquire(String key) {
        return counts.compute(key, (k, current) -> {
            AtomicInteger count = current == null ? new AtomicInteger() : current;
            count.incrementAndGet();
            return count;
        }).get();
    }

    /** Counts one less for {@code key}; the key goes when it reaches zero. */
    void release(String key) {
        counts.computeIfPresent(key, (k, count) -> count.decrementAndGet() <= 0 ? null : count);
    }

    /** Everything held, over all keys. */
    int total() {
        return counts.values().stream().mapToInt(AtomicInteger::get).sum();
    }
}
