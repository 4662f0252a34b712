package dev.tandem.agent.diagnostics;

import dev.tandem.protocol.diagnostics.AppsSection;
import dev.tandem.protocol.diagnostics.DiagnosticsReport;
import dev.tandem.protocol.diagnostics.Reading;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * Assembles a {@link DiagnosticsReport} from the platform's sources, one section each. A section
 * whose source is absent is unavailable with {@link #NOT_PROVIDED}; one whose source throws (or
 * returns nothing) is unavailable with the reason, and the rest of the report is still collected.
 * Immutable; thread-safe when its sources are. Sources are called on the caller's thread, in report
 * order.
 */
public final class DiagnosticsCollector {
    /** The reason given to a section the platform has no source for. */
    public static final String NOT_PROVIDED = "not provided by this platform";

    private final Clock clock;
    private final DeviceFacts device;
    private final BatteryGauge battery;
    private final StorageGauge storage;
    private final MemoryGauge memory;
    private final CpuFacts cpu;
    private final DisplayFacts display;
    private final NetworkProbe network;
    private final LocaleFacts locale;
    private final AppInventory apps;
    private final PermissionState permissions;

    private DiagnosticsCollector(Builder builder) {
        this.clock = builder.clock;
        this.device = builder.device;
        this.battery = builder.battery;
        this.storage = builder.storage;
        this.memory = builder.memory;
        this.cpu = builder.cpu;
        this.display = builder.display;
        this.network = builder.network;
        this.locale = builder.locale;
        this.apps = builder.apps;
        this.permissions = builder.permissions;
    }

    /** A collector that stamps reports with {@code clock}; every source left unset is "not provided". */
    public static Builder builder(Clock clock) {
        return new Builder(clock);
    }

    /** Reads every source now. Never throws because of a source. */
    public DiagnosticsReport collect() {
        String collectedAt = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        return new DiagnosticsReport(DiagnosticsReport.CURRENT_VERSION, collectedAt,
                read(device), read(battery), read(storage), read(memory), read(cpu), read(display), read(network),
                read(locale), read(apps).map(AppsSection::bounded), read(permissions));
    }

    // LinkageError too: an API missing on an older Android fails with NoSuchMethodError, and that
    // must cost one section, not the report.
    private static <S> Reading<S> read(SectionSource<S> source) {
        if (source == null) {
            return Reading.unavailable(NOT_PROVIDED);
        }
        try {
            S section = source.read();
            return section == null ? Reading.unavailable("the platform returned nothing") : Reading.of(section);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Reading.unavailable("interrupted while reading");
        } catch (Exception | LinkageError e) {
            return Reading.unavailable(reason(e));
        }
    }

    private static String reason(Throwable failure) {
        String message = failure.getMessage();
        if (message == null || message.isBlank()) {
            return "could not be read (" + failure.getClass().getSimpleName() + ")";
        }
        return "could not be read: " + message;
    }

    /** Which source gives which section; not thread-safe, build once. */
    public static final class Builder {
        private final Clock clock;
        private DeviceFacts device;
        private BatteryGauge battery;
        private StorageGauge storage;
        private MemoryGauge memory;
        private CpuFacts cpu;
        private DisplayFacts display;
        private NetworkProbe network;
        private LocaleFacts locale;
        private AppInventory apps;
        private PermissionState permissions;

        private Builder(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
        }

        public Builder device(DeviceFacts source) { this.device = source; return this; }

        public Builder battery(BatteryGauge source) { this.battery = source; return this; }

        public Builder storage(StorageGauge source) { this.storage = source; return this; }

        public Builder memory(MemoryGauge source) { this.memory = source; return this; }

        public Builder cpu(CpuFacts source) { this.cpu = source; return this; }

        public Builder display(DisplayFacts source) { this.display = source; return this; }

        public Builder network(NetworkProbe source) { this.network = source; return this; }

        public Builder locale(LocaleFacts source) { this.locale = source; return this; }

        public Builder apps(AppInventory source) { this.apps = source; return this; }

        public Builder permissions(PermissionState source) { this.permissions = source; return this; }

        public DiagnosticsCollector build() {
            return new DiagnosticsCollector(this);
        }
    }
}
