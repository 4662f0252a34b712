package dev.tandem.device.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.agent.diagnostics.DiagnosticsCollector;
import dev.tandem.device.DeviceProfile;
import dev.tandem.protocol.diagnostics.DiagnosticsJson;
import dev.tandem.protocol.diagnostics.DiagnosticsReport;
import dev.tandem.protocol.diagnostics.DiagnosticsWarnings;
import dev.tandem.protocol.diagnostics.NetworkKind;
import dev.tandem.protocol.diagnostics.Reading;
import dev.tandem.protocol.diagnostics.WarningCode;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class VirtualPhoneDiagnosticsTest {
    private static final Instant START = Instant.parse("2025-06-01T09:30:00Z");

    /** A clock the test moves forward by hand. */
    private static final class HandClock extends Clock {
        private Instant now = START;

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() { return now; }

        @Override
        public ZoneOffset getZone() { return ZoneOffset.UTC; }

        @Override
        public Clock withZone(java.time.ZoneId zone) { return this; }
    }

    @ParameterizedTest
    @EnumSource(DeviceProfile.class)
    void everyValueIsPresentOrUnavailableWithAReason(DeviceProfile profile) throws Exception {
        DiagnosticsReport report = VirtualPhoneDiagnostics.forProfile(profile, new HandClock()).collect();

        assertThat(report.collectedAt).isEqualTo("2025-06-01T09:30:00Z");
        assertNoNulls(report, "report");
        assertThat(report.device.value.manufacturer).isEqualTo(profile.deviceInfo().manufacturer);
        assertThat(report.installedApps.value.apps).extracting(app -> app.packageName).contains("dev.tandem.app");
    }

    @ParameterizedTest
    @EnumSource(DeviceProfile.class)
    void valuesMoveWhenAnHourPasses(DeviceProfile profile) {
        HandClock clock = new HandClock();
        DiagnosticsCollector collector = VirtualPhoneDiagnostics.forProfile(profile, clock);

        DiagnosticsReport before = collector.collect();
        clock.advance(Duration.ofHours(1));
        DiagnosticsReport after = collector.collect();

        assertThat(after.device.value.uptimeSeconds - before.device.value.uptimeSeconds).isEqualTo(3_600);
        assertThat(after.battery.value.levelPercent).isNotEqualTo(before.battery.value.levelPercent);
        assertThat(after.storage.value.internal.freeBytes).isNotEqualTo(before.storage.value.internal.freeBytes);
        assertThat(after.memory.value.availableBytes).isNotEqualTo(before.memory.value.availableBytes);
        if (before.network.value.kind == NetworkKind.WIFI) {
            assertThat(after.network.value.wifiSignalDbm).isNotEqualTo(before.network.value.wifiSignalDbm);
        }
        assertThat(after.collectedAt).isEqualTo("2025-06-01T10:30:00Z");
    }

    @ParameterizedTest
    @EnumSource(DeviceProfile.class)
    void aDayOfBatteryStaysPlausibleAndChargingComesAndGoes(DeviceProfile profile) {
        HandClock clock = new HandClock();
        DiagnosticsCollector collector = VirtualPhoneDiagnostics.forProfile(profile, clock);
        boolean sawCharging = false;
        boolean sawUnplugged = false;
        for (int hour = 0; hour < 48; hour++) {
            DiagnosticsReport report = collector.collect();
            int level = report.battery.value.levelPercent.value;
            assertThat(level).isBetween(1, 100);
            sawCharging |= report.battery.value.charging;
            sawUnplugged |= !report.battery.value.charging;
            assertThat(report.storage.value.internal.freeBytes).isBetween(0L, report.storage.value.internal.totalBytes);
            clock.advance(Duration.ofHours(1));
        }
        assertThat(sawCharging).isTrue();
        assertThat(sawUnplugged).isTrue();
    }

    @Test
    void theSamsungIsAGalaxyS23Ultra() {
        DiagnosticsReport report = VirtualPhoneDiagnostics.forProfile(DeviceProfile.SAMSUNG, new HandClock()).collect();

        assertThat(report.display.value.widthPx).isEqualTo(1440);
        assertThat(report.display.value.heightPx).isEqualTo(3088);
        assertThat(report.display.value.refreshRateHz).isEqualTo(Reading.of(120.0));
        assertThat(report.cpu.value.abis).startsWith("arm64-v8a", "armeabi-v7a");
        assertThat(report.cpu.value.cores).isEqualTo(8);
        assertThat(report.storage.value.internal.totalBytes).isEqualTo(256_000_000_000L);
        assertThat(report.memory.value.totalBytes).isBetween(11_000_000_000L, 12_000_000_000L);
        assertThat(report.installedApps.value.apps).extracting(app -> app.packageName)
                .contains("com.samsung.android.app.notes", "com.sec.android.app.sbrowser");
        assertThat(report.permissions.value.screenCapture.value.granted).isFalse();
    }

    @Test
    void theGenericPhoneIsNearlyFullOnMobileDataAndQuietAboutSomeThings() {
        DiagnosticsReport report = VirtualPhoneDiagnostics.forProfile(DeviceProfile.GENERIC, new HandClock()).collect();

        assertThat(DiagnosticsWarnings.of(report)).extracting(w -> w.code).containsExactly(WarningCode.STORAGE_LOW);
        assertThat(report.network.value.kind).isEqualTo(NetworkKind.CELLULAR);
        assertThat(report.network.value.wifiSignalDbm.unavailable).isEqualTo(VirtualNetwork.NOT_ON_WIFI);
        assertThat(report.network.value.wifiLinkMbps.isAvailable()).isFalse();
        assertThat(report.device.value.securityPatch.unavailable).isEqualTo("not reported by this vendor");
        assertThat(report.memory.value.totalBytes).isBetween(3_500_000_000L, 4_000_000_000L);
        assertThat(report.storage.value.internal.totalBytes).isEqualTo(64_000_000_000L);
        assertThat(report.permissions.value.screenCapture.unavailable).isEqualTo(DeviceProfile.CHAT_ONLY_REASON);
        assertThat(report.permissions.value.accessibility.unavailable).isEqualTo(DeviceProfile.CHAT_ONLY_REASON);
    }

    @Test
    void theGenericPhoneStaysNearlyFullForDays() {
        HandClock clock = new HandClock();
        DiagnosticsCollector collector = VirtualPhoneDiagnostics.forProfile(DeviceProfile.GENERIC, clock);
        for (int hour = 0; hour < 72; hour++) {
            assertThat(DiagnosticsWarnings.of(collector.collect())).extracting(w -> w.code)
                    .contains(WarningCode.STORAGE_LOW);
            clock.advance(Duration.ofHours(1));
        }
    }

    @Test
    void consentGrantsThePermissionsTheTechnicianWasWarnedAbout() {
        VirtualPermissions permissions = VirtualPermissions.forProfile(DeviceProfile.LG);
        DiagnosticsCollector collector = VirtualPhoneDiagnostics.create(DeviceProfile.LG, new HandClock(),
                new Random(1), permissions);
        assertThat(DiagnosticsWarnings.of(collector.collect())).extracting(w -> w.code)
                .contains(WarningCode.SCREEN_CAPTURE_MISSING, WarningCode.ACCESSIBILITY_MISSING);

        permissions.grantScreenCapture();
        permissions.grantAccessibility();

        DiagnosticsReport report = collector.collect();
        assertThat(report.permissions.value.screenCapture.value.granted).isTrue();
        assertThat(DiagnosticsWarnings.of(report)).extracting(w -> w.code)
                .doesNotContain(WarningCode.SCREEN_CAPTURE_MISSING, WarningCode.ACCESSIBILITY_MISSING);
    }

    @Test
    void permissionsFollowWhatTheCustomerSharesNow() {
        VirtualPermissions permissions = VirtualPermissions.forProfile(DeviceProfile.SAMSUNG);
        permissions.follow(true, false);
        assertThat(permissions.read().screenCapture.value.granted).isTrue();
        assertThat(permissions.read().accessibility.value.granted).isFalse();
        permissions.follow(false, false);
        assertThat(permissions.read().screenCapture.value.granted).isFalse();

        VirtualPermissions chatOnly = VirtualPermissions.forProfile(DeviceProfile.GENERIC);
        chatOnly.follow(true, true);
        assertThat(chatOnly.read().screenCapture.isAvailable()).isFalse();
    }

    @Test
    void theSameSeedTellsTheSameStory() {
        DiagnosticsJson json = DiagnosticsJson.create();
        String first = json.write(VirtualPhoneDiagnostics.forProfile(DeviceProfile.SAMSUNG, new HandClock()).collect());
        String second = json.write(VirtualPhoneDiagnostics.forProfile(DeviceProfile.SAMSUNG, new HandClock()).collect());

        assertThat(first).isEqualTo(second);
    }

    @ParameterizedTest
    @EnumSource(DeviceProfile.class)
    void reportsRoundTripThroughJson(DeviceProfile profile) throws Exception {
        DiagnosticsJson json = DiagnosticsJson.create();
        HandClock clock = new HandClock();
        DiagnosticsCollector collector = VirtualPhoneDiagnostics.forProfile(profile, clock);
        clock.advance(Duration.ofMinutes(90));

        String text = json.write(collector.collect());

        assertThat(json.write(json.read(text))).isEqualTo(text);
        assertThat(text.length()).isLessThan(48 * 1024);
    }

    /** Walks the public fields of the report's classes: nothing may be null, everything missing has a reason. */
    private static void assertNoNulls(Object value, String path) throws IllegalAccessException {
        assertThat(value).as(path).isNotNull();
        if (value instanceof Reading<?> reading) {
            if (reading.isAvailable()) {
                assertNoNulls(reading.value, path + ".value");
            } else {
                assertThat(reading.unavailable).as(path + ".unavailable").isNotBlank();
            }
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                assertNoNulls(item, path + "[" + i++ + "]");
            }
            return;
        }
        if (!value.getClass().getPackageName().equals("dev.tandem.protocol.diagnostics") || value.getClass().isEnum()) {
            return;
        }
        for (Field field : value.getClass().getFields()) {
            if (Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            Object child = field.get(value);
            if (field.getName().equals("reason") && child == null) {
                continue; // a granted permission has no reason
            }
            assertNoNulls(child, path + "." + field.getName());
        }
    }
}
