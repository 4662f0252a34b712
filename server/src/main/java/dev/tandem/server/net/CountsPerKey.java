package dev.tandem.server.net;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many of something (connections, requests) each key holds right now. A key is in the map only
 * while its count is above zero, so the map is never larger than what is held. Thread-safe.
 *
 * <p>Lock-free: every request passes here twice, and behind a proxy or in a benchmark most come from
 * one key, so a lock per key (as {@code ConcurrentHashMap.compute} takes one) made busy request
 * threads queue for it. A counter that reached zero is dead: it is removed and never counted up
 * again, so a key is re-created with a fresh counter rather than revived while it is being removed.
 */
final class CountsPerKey {
    private final ConcurrentHashMap<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    /** Counts one more for {@code key} and returns its new count. */
    int acquire(String key) {
        while (true) {
            AtomicInteger count = counts.get(key);
            if (count == null) {
                AtomicInteger fresh = new AtomicInteger(1);
                if (counts.putIfAbsent(key, fresh) == null) {
                    return 1;
                }
                continue;
            }
            int held = count.get();
            if (held <= 0) {
                // Dead: its last holder is removing it. Help, then start again with a fresh counter.
                counts.remove(key, count);
                continue;
            }
            if (count.compareAndSet(held, held + 1)) {
                return held + 1;
            }
        }
    }

    /** Counts one less for {@code key}; the key goes when it reaches zero. */
    void release(String key) {
        AtomicInteger count = counts.get(key);
        if (count != null && count.decrementAndGet() <= 0) {
            counts.remove(key, count);
        }
    }

    /** Everything held, over all keys. */
    int total() {
        return counts.values().stream().mapToInt(c -> Math.max(0, c.get())).sum();
    }
}
