package dev.tandem.device.diagnostics;

import dev.tandem.agent.diagnostics.StorageGauge;
import dev.tandem.protocol.diagnostics.Reading;
import dev.tandem.protocol.diagnostics.StorageSection;
import dev.tandem.protocol.diagnostics.Volume;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;

/** Internal storage whose free space drifts as apps cache and clean up, and an optional SD card. Thread-safe. */
final class VirtualStorage implements StorageGauge {

    /**
     * One phone's storage: free space starts at {@code internalFree} and stays within
     * {@code internalFreeMin..internalFreeMax}; {@code sdCard} null means {@code noSdCardReason}.
     */
    record Spec(long internalTotal, long internalFree, long internalFreeMin, long internalFreeMax, Volume sdCard,
                String noSdCardReason) {
    }

    private static final double SPREAD_PER_HOUR = 0.002;

    private final Spec spec;
    private final Clock clock;
    private final Drift internalFree;
    private final Drift sdFree;
    private Instant last;

    VirtualStorage(Spec spec, Clock clock, Random random) {
        this.spec = spec;
        this.clock = clock;
        this.internalFree = new Drift(spec.internalFree(), spec.internalFreeMin(), spec.internalFreeMax(),
                spec.internalTotal() * SPREAD_PER_HOUR, random);
        Volume sd = spec.sdCard();
        this.sdFree = sd == null ? null
                : new Drift(sd.freeBytes, 0, sd.totalBytes, sd.totalBytes * SPREAD_PER_HOUR / 4, random);
        this.last = clock.instant();
    }

    @Override
    public synchronized StorageSection read() {
        Instant now = clock.instant();
        Duration elapsed = Duration.between(last, now);
        last = now;
        Volume internal = new Volume(spec.internalTotal(), (long) internalFree.step(elapsed));
        Reading<Volume> external = spec.sdCard() == null ? Reading.unavailable(spec.noSdCardReason())
                : Reading.of(new Volume(spec.sdCard().totalBytes, (long) sdFree.step(elapsed)));
        return new StorageSection(internal, external);
    }
}
