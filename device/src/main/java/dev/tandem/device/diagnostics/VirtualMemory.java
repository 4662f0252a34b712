package dev.tandem.device.diagnostics;

import dev.tandem.agent.diagnostics.MemoryGauge;
import dev.tandem.protocol.diagnostics.MemorySection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;

/** RAM whose available share drifts as apps come and go; low below the profile's threshold. Thread-safe. */
final class VirtualMemory implements MemoryGauge {

    /** One phone's RAM as Android reports it (a little under the box figure). */
    record Spec(long total, long availableStart, long availableMin, long availableMax, long lowThreshold) {
    }

    private final Spec spec;
    private final Clock clock;
    private final Drift available;
    private Instant last;

    VirtualMemory(Spec spec, Clock clock, Random random) {
        this.spec = spec;
        this.clock = clock;
        this.available = new Drift(spec.availableStart(), spec.availableMin(), spec.availableMax(),
                (spec.availableMax() - spec.availableMin()) / 6.0, random);
        this.last = clock.instant();
    }

    @Override
    public synchronized MemorySection read() {
        Instant now = clock.instant();
        long free = (long) available.step(Duration.between(last, now));
        last = now;
        return new MemorySection(spec.total(), free, free < spec.lowThreshold());
    }
}
