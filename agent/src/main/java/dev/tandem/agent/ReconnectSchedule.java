package dev.tandem.agent;

import java.time.Duration;
import java.util.Random;

/**
 * How long to wait before reconnect attempt n: 0.5 s doubling up to 10 s, each delay drawn between
 * half and all of that, so that a server restart is not met by every device at the same instant.
 */
final class ReconnectSchedule {
    static final Duration FIRST = Duration.ofMillis(500);
    static final Duration LONGEST = Duration.ofSeconds(10);

    private final Random random;

    ReconnectSchedule(Random random) {
        this.random = random;
    }

    /** The delay before attempt {@code attempt} (1 for the first reconnect). */
    Duration delayBefore(int attempt) {
        int doublings = Math.min(Math.max(attempt, 1) - 1, 20);
        long ceiling = Math.min(LONGEST.toMillis(), FIRST.toMillis() << doublings);
        long half = ceiling / 2;
        return Duration.ofMillis(half + (long) (random.nextDouble() * (ceiling - half)));
    }
}
