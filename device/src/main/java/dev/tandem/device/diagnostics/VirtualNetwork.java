package dev.tandem.device.diagnostics;

import dev.tandem.agent.diagnostics.NetworkProbe;
import dev.tandem.protocol.diagnostics.NetworkKind;
import dev.tandem.protocol.diagnostics.NetworkSection;
import dev.tandem.protocol.diagnostics.Reading;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * The phone's active network. On Wi-Fi the signal wanders between {@code -80} and {@code -40} dBm and
 * the link speed follows it; on mobile data the Wi-Fi readings are unavailable. Thread-safe.
 */
final class VirtualNetwork implements NetworkProbe {
    static final String NOT_ON_WIFI = "not on Wi-Fi: the phone uses mobile data";

    /** One phone's connection; {@code wifiSignalStart} is ignored unless {@code kind} is Wi-Fi. */
    record Spec(NetworkKind kind, int wifiSignalStart, int wifiMaxLinkMbps, String operator, String cellularType,
                List<String> addresses) {
    }

    private final Spec spec;
    private final Clock clock;
    private final Drift signal;
    private Instant last;

    VirtualNetwork(Spec spec, Clock clock, Random random) {
        this.spec = spec;
        this.clock = clock;
        this.signal = new Drift(spec.wifiSignalStart(), -80, -40, 4, random);
        this.last = clock.instant();
    }

    @Override
    public synchronized NetworkSection read() {
        Instant now = clock.instant();
        int dbm = (int) Math.round(signal.step(Duration.between(last, now)));
        last = now;
        boolean wifi = spec.kind() == NetworkKind.WIFI;
        Reading<Integer> signalReading = wifi ? Reading.of(dbm) : Reading.unavailable(NOT_ON_WIFI);
        Reading<Integer> link = wifi ? Reading.of(linkMbps(dbm)) : Reading.unavailable(NOT_ON_WIFI);
        return new NetworkSection(spec.kind(), signalReading, link, Reading.of(spec.operator()),
                Reading.of(spec.cellularType()), spec.addresses(), false);
    }

    // Wi-Fi rate adaptation: a weaker signal negotiates a slower modulation.
    private int linkMbps(int dbm) {
        int max = spec.wifiMaxLinkMbps();
        if (dbm >= -55) {
            return max;
        }
        if (dbm >= -65) {
            return max * 2 / 3;
        }
        if (dbm >= -72) {
            return max / 3;
        }
        return max / 8;
    }
}
