package dev.tandem.protocol.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.protocol.ProtocolException;
import dev.tandem.protocol.TandemStatus;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiagnosticsReportJsonTest {
    private final DiagnosticsJson json = DiagnosticsJson.create();

    @Test
    void reportRoundTripsWithoutLosingAnything() throws Exception {
        DiagnosticsReport report = SampleReports.healthy();

        String text = json.write(report);
        DiagnosticsReport back = json.read(text);

        assertThat(json.write(back)).isEqualTo(text);
        assertThat(back.version).isEqualTo(1);
        assertThat(back.collectedAt).isEqualTo("2025-06-01T09:30:00Z");
        assertThat(back.display.value.refreshRateHz.value).isEqualTo(120.0);
        assertThat(back.storage.value.internal.totalBytes).isEqualTo(256_000_000_000L);
        assertThat(back.battery.value.temperatureCelsius).isEqualTo(Reading.of(31.5));
        assertThat(back.battery.value.source).isEqualTo(PowerSource.NONE);
        assertThat(back.network.value.wifiSignalDbm).isEqualTo(Reading.of(-58));
        assertThat(back.cpu.value.abis).containsExactly("arm64-v8a", "armeabi-v7a");
        assertThat(back.installedApps.value.apps.get(1).name).isEqualTo("Ünïcödé \"quoted\" 😀");
        assertThat(back.installedApps.value.apps.get(1).version.unavailable).isEqualTo("no version declared by the app");
        assertThat(back.permissions.value.screenCapture.value.granted).isTrue();
    }

    @Test
    void unavailableValuesTravelAsTheirReason() throws Exception {
        String text = json.write(SampleReports.healthy());

        assertThat(text).contains("\"build\":{\"unavailable\":\"not reported by this vendor\"}")
                .contains("\"securityPatch\":{\"value\":\"2024-05-01\"}")
                .contains("\"package\":\"com.samsung.android.app.notes\"")
                .contains("\"source\":\"none\"", "\"kind\":\"wifi\"")
                .doesNotContain("null");
        DiagnosticsReport back = json.read(text);
        assertThat(back.device.value.build.isAvailable()).isFalse();
        assertThat(back.device.value.build.unavailable).isEqualTo("not reported by this vendor");
    }

    @Test
    void aWholeSectionCanBeUnavailable() throws Exception {
        DiagnosticsReport report = SampleReports.healthy();
        DiagnosticsReport partial = new DiagnosticsReport(1, report.collectedAt, report.device,
                Reading.unavailable("the battery service did not answer"), report.storage, report.memory, report.cpu,
                report.display, report.network, report.locale, report.installedApps, report.permissions);

        DiagnosticsReport back = json.read(json.write(partial));

        assertThat(back.battery.unavailable).isEqualTo("the battery service did not answer");
        assertThat(back.memory.isAvailable()).isTrue();
    }

    @Test
    void fieldsMissingFromTheJsonBecomeUnavailableNotNull() throws Exception {
        DiagnosticsReport back = json.read("{\"version\":2,\"collectedAt\":\"2025-06-01T09:30:00Z\",\"future\":{},"
                + "\"device\":{\"value\":{\"manufacturer\":\"x\",\"model\":\"y\",\"androidVersion\":\"15\",\"apiLevel\":35}}}");

        assertThat(back.version).isEqualTo(2);
        assertThat(back.device.value.securityPatch.unavailable).isEqualTo(Reading.NOT_IN_REPORT);
        assertThat(back.battery.unavailable).isEqualTo(Reading.NOT_IN_REPORT);
        assertThat(back.permissions.isAvailable()).isFalse();
    }

    @Test
    void malformedReportsAreRefusedAsMalformed() {
        for (String text : new String[] {"", "not json", "[1]", "null", "{\"version\":\"one\"}"}) {
            assertThatThrownBy(() -> json.read(text)).as(text)
                    .isInstanceOfSatisfying(ProtocolException.class,
                            e -> assertThat(e.status()).isEqualTo(TandemStatus.MALFORMED));
        }
    }

    @Test
    void readingRefusesAValueWithoutAReasonToBeMissing() {
        assertThatThrownBy(() -> Reading.of(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Reading.unavailable(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Reading.<Integer>unavailable("no battery").map(level -> level * 2).unavailable).isEqualTo("no battery");
        assertThat(Reading.of(21).map(level -> level * 2)).isEqualTo(Reading.of(42));
    }

    @Test
    void fiveHundredAppsKeepTheReportUnder48KiB() throws Exception {
        List<InstalledApp> apps = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            apps.add(InstalledApp.of("Some Fairly Long App Name " + i, "com.example.vendor.product.app" + i,
                    "12.3." + i + ".1000"));
        }
        DiagnosticsReport base = SampleReports.healthy();
        DiagnosticsReport report = new DiagnosticsReport(1, base.collectedAt, base.device, base.battery, base.storage,
                base.memory, base.cpu, base.display, base.network, base.locale,
                Reading.of(AppsSection.bounded(apps)), base.permissions);

        String text = json.write(report);

        assertThat(text.getBytes(StandardCharsets.UTF_8).length).isLessThan(48 * 1024);
        AppsSection listed = json.read(text).installedApps.value;
        assertThat(listed.totalCount).isEqualTo(500);
        assertThat(listed.apps).hasSizeGreaterThan(300);
        assertThat(listed.truncated).isEqualTo(listed.apps.size() < 500);
    }

    @Test
    void theAppListStopsAtFiveHundredEntriesAndShortensLongLabels() {
        List<InstalledApp> apps = new ArrayList<>();
        for (int i = 0; i < 800; i++) {
            apps.add(InstalledApp.of("A" + i, "a.b" + i, "1"));
        }
        apps.set(0, InstalledApp.of("x".repeat(300), "a.long", "1"));

        AppsSection section = AppsSection.bounded(apps);

        assertThat(section.apps).hasSize(AppsSection.MAX_APPS);
        assertThat(section.truncated).isTrue();
        assertThat(section.totalCount).isEqualTo(800);
        assertThat(section.apps.get(0).name).hasSize(AppsSection.MAX_NAME_CHARS).endsWith("…");
        assertThat(AppsSection.bounded(apps.subList(1, 10)).truncated).isFalse();
    }

    @Test
    void hugeLabelsCannotBlowTheBudget() throws Exception {
        List<InstalledApp> apps = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            apps.add(InstalledApp.of("😀".repeat(200), "com.example." + "p".repeat(200) + i, "\"\\".repeat(100)));
        }
        String text = json.write(new DiagnosticsReport(1, "2025-06-01T09:30:00Z", null, null, null, null, null, null,
                null, null, Reading.of(AppsSection.bounded(apps)), null));

        assertThat(text.getBytes(StandardCharsets.UTF_8).length).isLessThan(AppsSection.MAX_LIST_JSON_BYTES + 2048);
    }
}
