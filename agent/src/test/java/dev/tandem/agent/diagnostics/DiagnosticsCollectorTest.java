package dev.tandem.agent.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.protocol.diagnostics.BatterySection;
import dev.tandem.protocol.diagnostics.CpuSection;
import dev.tandem.protocol.diagnostics.DeviceSection;
import dev.tandem.protocol.diagnostics.DiagnosticsJson;
import dev.tandem.protocol.diagnostics.DiagnosticsReport;
import dev.tandem.protocol.diagnostics.DisplaySection;
import dev.tandem.protocol.diagnostics.Grant;
import dev.tandem.protocol.diagnostics.InstalledApp;
import dev.tandem.protocol.diagnostics.LocaleSection;
import dev.tandem.protocol.diagnostics.MemorySection;
import dev.tandem.protocol.diagnostics.NetworkKind;
import dev.tandem.protocol.diagnostics.NetworkSection;
import dev.tandem.protocol.diagnostics.PermissionsSection;
import dev.tandem.protocol.diagnostics.PowerSource;
import dev.tandem.protocol.diagnostics.Reading;
import dev.tandem.protocol.diagnostics.StorageSection;
import dev.tandem.protocol.diagnostics.Volume;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiagnosticsCollectorTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T09:30:00Z"), ZoneId.of("Europe/Berlin"));

    /** A battery that drains one percent per reading, like a real one read over time. */
    private static final class DrainingBattery implements BatteryGauge {
        private int level = 50;

        @Override
        public BatterySection read() {
            return new BatterySection(Reading.of(level--), false, PowerSource.NONE, Reading.of("good"),
                    Reading.of(30.0), Reading.of(3_900));
        }
    }

    /** A memory gauge that cannot read {@code /proc/meminfo}. */
    private static final class UnreadableMemory implements MemoryGauge {
        @Override
        public MemorySection read() throws IOException {
            throw new IOException("/proc/meminfo: permission denied");
        }
    }

    /** A list of apps of any length. */
    private static final class ManyApps implements AppInventory {
        private final int count;

        ManyApps(int count) {
            this.count = count;
        }

        @Override
        public List<InstalledApp> read() {
            List<InstalledApp> apps = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                apps.add(InstalledApp.of("App " + i, "org.example.app" + i, "1." + i));
            }
            return apps;
        }
    }

    private static DiagnosticsCollector.Builder everySource() {
        return DiagnosticsCollector.builder(CLOCK)
                .device(() -> new DeviceSection("samsung", "SM-S918B", "14", 34, Reading.of("2024-05-01"),
                        Reading.of("UP1A.231005.007"), 3_600))
                .battery(new DrainingBattery())
                .storage(() -> new StorageSection(new Volume(256_000_000_000L, 100_000_000_000L),
                        Reading.unavailable("this phone has no SD card slot")))
                .memory(() -> new MemorySection(12_000_000_000L, 5_000_000_000L, false))
                .cpu(() -> new CpuSection(List.of("arm64-v8a"), 8))
                .display(() -> new DisplaySection(1440, 3088, 600, Reading.of(120.0)))
                .network(() -> new NetworkSection(NetworkKind.WIFI, Reading.of(-60), Reading.of(866),
                        Reading.unavailable("no SIM"), Reading.unavailable("no SIM"), List.of("192.168.1.5"), false))
                .locale(() -> new LocaleSection("de-DE", "Europe/Berlin"))
                .apps(new ManyApps(3))
                .permissions(() -> new PermissionsSection(Reading.of(Grant.granted()),
                        Reading.of(Grant.notGranted("waiting for the customer's consent"))));
    }

    @Test
    void everySourceGivesItsSectionAndTheClockStampsTheReport() {
        DiagnosticsReport report = everySource().build().collect();

        assertThat(report.version).isEqualTo(DiagnosticsReport.CURRENT_VERSION);
        assertThat(report.collectedAt).isEqualTo("2025-06-01T09:30:00Z");
        assertThat(List.of(report.device, report.battery, report.storage, report.memory, report.cpu, report.display,
                report.network, report.locale, report.installedApps, report.permissions))
                .allSatisfy(section -> assertThat(section.isAvailable()).isTrue());
        assertThat(report.installedApps.value.apps).hasSize(3);
        assertThat(report.installedApps.value.truncated).isFalse();
        assertThat(report.permissions.value.accessibility.value.reason).isEqualTo("waiting for the customer's consent");
    }

    @Test
    void eachCollectionReadsTheSourcesAgain() {
        DiagnosticsCollector collector = everySource().build();

        int first = collector.collect().battery.value.levelPercent.value;
        int second = collector.collect().battery.value.levelPercent.value;

        assertThat(second).isEqualTo(first - 1);
    }

    @Test
    void absentSourcesAreUnavailableAsNotProvided() {
        DiagnosticsReport report = DiagnosticsCollector.builder(CLOCK).battery(new DrainingBattery()).build().collect();

        assertThat(report.battery.isAvailable()).isTrue();
        assertThat(List.of(report.device, report.storage, report.memory, report.cpu, report.display, report.network,
                report.locale, report.installedApps, report.permissions))
                .allSatisfy(section -> assertThat(section.unavailable).isEqualTo(DiagnosticsCollector.NOT_PROVIDED));
    }

    @Test
    void aFailingSourceCostsOnlyItsOwnSectionWithTheReason() {
        DiagnosticsReport report = everySource()
                .memory(new UnreadableMemory())
                .network(() -> {
                    throw new SecurityException("ACCESS_NETWORK_STATE not granted");
                })
                .display(() -> {
                    throw new NoSuchMethodError();
                })
                .cpu(() -> null)
                .build().collect();

        assertThat(report.memory.unavailable).isEqualTo("could not be read: /proc/meminfo: permission denied");
        assertThat(report.network.unavailable).isEqualTo("could not be read: ACCESS_NETWORK_STATE not granted");
        assertThat(report.display.unavailable).isEqualTo("could not be read (NoSuchMethodError)");
        assertThat(report.cpu.unavailable).isEqualTo("the platform returned nothing");
        assertThat(report.battery.isAvailable()).isTrue();
        assertThat(report.storage.isAvailable()).isTrue();
    }

    @Test
    void anInterruptedSourceKeepsTheInterruptForTheCaller() {
        DiagnosticsReport report = everySource().locale(() -> {
            throw new InterruptedException();
        }).build().collect();

        assertThat(Thread.interrupted()).isTrue();
        assertThat(report.locale.unavailable).isEqualTo("interrupted while reading");
    }

    @Test
    void aLongAppListIsBoundedAndMarkedTruncated() throws Exception {
        DiagnosticsReport report = everySource().apps(new ManyApps(2_000)).build().collect();

        assertThat(report.installedApps.value.apps).hasSizeBetween(400, 500);
        assertThat(report.installedApps.value.totalCount).isEqualTo(2_000);
        assertThat(report.installedApps.value.truncated).isTrue();
        assertThat(DiagnosticsJson.create().write(report).length()).isLessThan(48 * 1024);
    }

    @Test
    void aPartlyFailedReportStillRoundTrips() throws Exception {
        DiagnosticsJson json = DiagnosticsJson.create();
        DiagnosticsReport report = everySource().memory(new UnreadableMemory()).build().collect();

        String text = json.write(report);

        assertThat(json.write(json.read(text))).isEqualTo(text);
        assertThat(text).contains("\"memory\":{\"unavailable\":\"could not be read: /proc/meminfo: permission denied\"}");
    }
}
