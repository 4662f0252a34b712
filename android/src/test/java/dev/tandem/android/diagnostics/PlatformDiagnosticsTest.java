package dev.tandem.android.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import android.app.Application;
import android.content.Intent;
import android.os.BatteryManager;
import org.robolectric.RuntimeEnvironment;
import dev.tandem.protocol.diagnostics.DiagnosticsReport;
import dev.tandem.protocol.diagnostics.NetworkKind;
import dev.tandem.protocol.diagnostics.PowerSource;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.RobolectricTestRunner;

@RunWith(RobolectricTestRunner.class)
public class PlatformDiagnosticsTest {
    private final Application app = RuntimeEnvironment.getApplication();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);

    @Test
    public void theReportIsReadFromThePlatform() {
        Intent battery = new Intent(Intent.ACTION_BATTERY_CHANGED)
                .putExtra(BatteryManager.EXTRA_LEVEL, 37).putExtra(BatteryManager.EXTRA_SCALE, 100)
                .putExtra(BatteryManager.EXTRA_STATUS, BatteryManager.BATTERY_STATUS_CHARGING)
                .putExtra(BatteryManager.EXTRA_PLUGGED, BatteryManager.BATTERY_PLUGGED_USB)
                .putExtra(BatteryManager.EXTRA_HEALTH, BatteryManager.BATTERY_HEALTH_GOOD)
                .putExtra(BatteryManager.EXTRA_TEMPERATURE, 312).putExtra(BatteryManager.EXTRA_VOLTAGE, 4012);
        app.sendStickyBroadcast(battery);

        DiagnosticsReport report = PlatformDiagnostics.collector(app, clock).collect();

        assertThat(report.collectedAt).isEqualTo("2026-11-25T10:00:00Z");
        assertThat(report.device.value.apiLevel).isEqualTo(34);
        assertThat(report.device.value.manufacturer).isNotEmpty();
        assertThat(report.battery.value.levelPercent.value).isEqualTo(37);
        assertThat(report.battery.value.charging).isTrue();
        assertThat(report.battery.value.source).isEqualTo(PowerSource.USB);
        assertThat(report.battery.value.health.value).isEqualTo("good");
        assertThat(report.battery.value.temperatureCelsius.value).isEqualTo(31.2);
        assertThat(report.battery.value.voltageMillivolts.value).isEqualTo(4012);
        assertThat(report.storage.isAvailable()).as("storage: %s", report.storage).isTrue();
        assertThat(report.storage.value.external.isAvailable()).isFalse();
        assertThat(report.memory.value.totalBytes).isGreaterThanOrEqualTo(0);
        assertThat(report.cpu.value.cores).isPositive();
        assertThat(report.display.value.widthPx).isPositive().isLessThanOrEqualTo(report.display.value.heightPx);
        assertThat(report.network.isAvailable()).as("network: %s", report.network).isTrue();
        assertThat(report.locale.value.languageTag).isNotEmpty();
        assertThat(report.installedApps.isAvailable()).isTrue();
        assertThat(report.permissions.value.accessibility.value.granted).isFalse();
    }

    @Test
    public void withoutABatteryBroadcastOnlyThatSectionIsMissingAndSaysWhy() {
        DiagnosticsReport report = PlatformDiagnostics.collector(app, clock).collect();
        assertThat(report.battery.isAvailable()).isFalse();
        assertThat(report.battery.unavailable).contains("no battery state");
        assertThat(report.device.isAvailable()).isTrue();
        assertThat(report.network.value.kind).isIn((Object[]) NetworkKind.values());
    }
}
