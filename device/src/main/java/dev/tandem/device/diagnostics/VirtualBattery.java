package dev.tandem.device.diagnostics;

import dev.tandem.agent.diagnostics.BatteryGauge;
import dev.tandem.protocol.diagnostics.BatterySection;
import dev.tandem.protocol.diagnostics.PowerSource;
import dev.tandem.protocol.diagnostics.Reading;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;

/**
 * A battery that drains while unplugged and fills while charging. The customer plugs the phone in
 * now and then (always by {@link #PLUG_IN_BELOW} percent) and unplugs it when full or on a whim.
 * Thread-safe.
 */
final class VirtualBattery implements BatteryGauge {
    static final int PLUG_IN_BELOW = 20;
    private static final Duration STEP = Duration.ofMinutes(5);
    /** Beyond this the simulation stops catching up: a week unread looks like a week of cycles anyway. */
    private static final int MAX_STEPS = 7 * 24 * 12;

    /** How one phone's battery behaves; {@code voltage} false when its driver does not report it. */
    record Spec(double startPercent, double drainPerHour, double chargePerHour, PowerSource charger,
                boolean reportsVoltage) {
    }

    private final Spec spec;
    private final Clock clock;
    private final Random random;
    private Instant last;
    private double percent;
    private boolean charging;

    VirtualBattery(Spec spec, Clock clock, Random random) {
        this.spec = spec;
        this.clock = clock;
        this.random = random;
        this.last = clock.instant();
        this.percent = spec.startPercent();
    }

    @Override
    public synchronized BatterySection read() {
        Instant now = clock.instant();
        int steps = 0;
        while (!last.plus(STEP).isAfter(now) && steps++ < MAX_STEPS) {
            advance(STEP);
            last = last.plus(STEP);
        }
        if (steps > MAX_STEPS) {
            last = now;
        }
        int level = (int) Math.floor(percent);
        double temperature = Math.round((28.5 + (charging ? 4.0 : 0.0) + random.nextGaussian() * 0.4) * 10) / 10.0;
        Reading<Integer> voltage = spec.reportsVoltage()
                ? Reading.of(3_550 + level * 6 + (charging ? 180 : 0) + random.nextInt(15))
                : Reading.unavailable("not reported by this vendor's battery driver");
        return new BatterySection(Reading.of(level), charging, charging ? spec.charger() : PowerSource.NONE,
                Reading.of("good"), Reading.of(temperature), voltage);
    }

    private void advance(Duration step) {
        double hours = step.toMinutes() / 60.0;
        if (charging) {
            percent = Math.min(100, percent + spec.chargePerHour() * hours);
            if (percent >= 100 || random.nextDouble() < 0.01) {
                charging = false;
            }
        } else {
            percent = Math.max(1, percent - spec.drainPerHour() * hours * (0.7 + 0.6 * random.nextDouble()));
            if (percent < PLUG_IN_BELOW || random.nextDouble() < 0.005) {
                charging = true;
            }
        }
    }
}
