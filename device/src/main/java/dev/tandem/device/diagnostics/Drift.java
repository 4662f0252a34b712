package dev.tandem.device.diagnostics;

import java.time.Duration;
import java.util.Random;

/**
 * A value that wanders at random within bounds as time passes: the longer since the last step, the
 * further it may go ({@code spreadPerHour} is the standard deviation after one hour). Not thread-safe;
 * its owner synchronises.
 */
final class Drift {
    private final double min;
    private final double max;
    private final double spreadPerHour;
    private final Random random;
    private double value;

    Drift(double start, double min, double max, double spreadPerHour, Random random) {
        this.min = min;
        this.max = max;
        this.spreadPerHour = spreadPerHour;
        this.random = random;
        this.value = clamp(start);
    }

    double step(Duration elapsed) {
        double hours = Math.max(0, elapsed.toMillis()) / 3_600_000.0;
        if (hours > 0) {
            value = clamp(value + random.nextGaussian() * spreadPerHour * Math.sqrt(hours));
        }
        return value;
    }

    private double clamp(double candidate) {
        return Math.max(min, Math.min(max, candidate));
    }
}
