package dev.tandem.protocol.diagnostics;

import static dev.tandem.protocol.diagnostics.SampleReports.battery;
import static dev.tandem.protocol.diagnostics.SampleReports.memory;
import static dev.tandem.protocol.diagnostics.SampleReports.network;
import static dev.tandem.protocol.diagnostics.SampleReports.permissions;
import static dev.tandem.protocol.diagnostics.SampleReports.storage;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DiagnosticsWarningsTest {
    private static final StorageSection ROOMY = storage(64_000_000_000L, 30_000_000_000L);

    @Test
    void aHealthyPhoneHasNoWarnings() {
        assertThat(DiagnosticsWarnings.of(SampleReports.healthy())).isEmpty();
    }

    @Test
    void lowBatteryWhileChargingIsOnlyLow() {
        List<Warning> warnings = DiagnosticsWarnings.of(SampleReports.with(battery(12, true), ROOMY, memory(false),
                network(NetworkKind.WIFI), permissions(Grant.granted())));

        assertThat(warnings).extracting(w -> w.code).containsExactly(WarningCode.BATTERY_LOW);
        assertThat(warnings.get(0).section).isEqualTo("battery");
        assertThat(warnings.get(0).message).contains("12 %", "charging");
    }

    @Test
    void lowBatteryNotChargingIsCriticalAndSaysWhatToDo() {
        List<Warning> warnings = DiagnosticsWarnings.of(SampleReports.with(battery(9, false), ROOMY, memory(false),
                network(NetworkKind.WIFI), permissions(Grant.granted())));

        assertThat(warnings).extracting(w -> w.code).containsExactly(WarningCode.BATTERY_CRITICAL);
        assertThat(warnings.get(0).message).contains("9 %", "not charging", "plug the phone in");
    }

    @Test
    void fifteenPercentIsNotLow() {
        assertThat(DiagnosticsWarnings.of(SampleReports.with(battery(15, false), ROOMY, memory(false),
                network(NetworkKind.WIFI), permissions(Grant.granted())))).isEmpty();
    }

    @Test
    void storageUnderTenPercentFreeIsNearlyFull() {
        List<Warning> warnings = DiagnosticsWarnings.of(SampleReports.with(battery(80, false),
                storage(64_000_000_000L, 4_100_000_000L), memory(false), network(NetworkKind.WIFI),
                permissions(Grant.granted())));

        assertThat(warnings).extracting(w -> w.code).containsExactly(WarningCode.STORAGE_LOW);
        assertThat(warnings.get(0).message).contains("4.1 GB free of 64.0 GB", "6 %");
    }

    @Test
    void lowMemoryNoNetworkAndMissingPermissionsAreEachReported() {
        List<Warning> warnings = DiagnosticsWarnings.of(SampleReports.with(battery(80, false), ROOMY, memory(true),
                network(NetworkKind.NONE), permissions(Grant.notGranted("waiting for the customer's consent"))));

        assertThat(warnings).extracting(w -> w.code).containsExactly(WarningCode.MEMORY_LOW, WarningCode.NETWORK_NONE,
                WarningCode.SCREEN_CAPTURE_MISSING, WarningCode.ACCESSIBILITY_MISSING);
        assertThat(warnings).extracting(w -> w.section).containsExactly("memory", "network", "permissions",
                "permissions");
        assertThat(warnings.get(2).message).contains("waiting for the customer's consent");
    }

    @Test
    void unavailableValuesRaiseNothing() {
        DiagnosticsReport report = new DiagnosticsReport(1, "2025-06-01T09:30:00Z", null, null, null, null, null,
                null, null, null, null, Reading.of(new PermissionsSection(Reading.unavailable("chat-only phone"),
                Reading.unavailable("chat-only phone"))));

        assertThat(DiagnosticsWarnings.of(report)).isEmpty();
    }

    @Test
    void warningCodesAreStableStrings() {
        assertThat(WarningCode.BATTERY_CRITICAL.code()).isEqualTo("battery.critical");
        assertThat(WarningCode.fromCode("storage.low")).isEqualTo(WarningCode.STORAGE_LOW);
        assertThat(WarningCode.values()).extracting(WarningCode::code).doesNotHaveDuplicates();
    }
}
