package dev.tandem.protocol.diagnostics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The findings a technician should see first in a report, in section order. Only available values
 * are judged: an unavailable section or value raises nothing, and a permission the phone cannot grant
 * at all is a capability question, not a warning. Stateless and thread-safe.
 */
public final class DiagnosticsWarnings {
    /** Battery levels below this many percent are low. */
    public static final int LOW_BATTERY_PERCENT = 15;
    /** Internal storage with less than this share free is nearly full. */
    public static final double LOW_STORAGE_SHARE = 0.10;

    private DiagnosticsWarnings() {
    }

    public static List<Warning> of(DiagnosticsReport report) {
        List<Warning> warnings = new ArrayList<>();
        if (report.battery.isAvailable()) {
            battery(report.battery.value, warnings);
        }
        if (report.storage.isAvailable()) {
            storage(report.storage.value.internal, warnings);
        }
        if (report.memory.isAvailable() && report.memory.value.lowMemory) {
            warnings.add(Warning.of(WarningCode.MEMORY_LOW, String.format(Locale.ROOT,
                    "The phone is low on memory (%s available): apps may close in the background;"
                            + " ask the customer to close apps they are not using.",
                    bytes(report.memory.value.availableBytes))));
        }
        if (report.network.isAvailable() && report.network.value.kind == NetworkKind.NONE) {
            warnings.add(Warning.of(WarningCode.NETWORK_NONE,
                    "The phone reports no network connection: the session may drop; check Wi-Fi or mobile data."));
        }
        if (report.permissions.isAvailable()) {
            permission(report.permissions.value.screenCapture, WarningCode.SCREEN_CAPTURE_MISSING,
                    "Screen capture is not granted", "you cannot see the screen until the customer allows it", warnings);
            permission(report.permissions.value.accessibility, WarningCode.ACCESSIBILITY_MISSING,
                    "Accessibility is not granted", "you cannot control the phone until the customer allows it",
                    warnings);
        }
        return Collections.unmodifiableList(warnings);
    }

    private static void battery(BatterySection battery, List<Warning> warnings) {
        if (!battery.levelPercent.isAvailable() || battery.levelPercent.value >= LOW_BATTERY_PERCENT) {
            return;
        }
        int level = battery.levelPercent.value;
        if (battery.charging) {
            warnings.add(Warning.of(WarningCode.BATTERY_LOW, String.format(Locale.ROOT,
                    "The battery is low (%d %%) but charging.", level)));
        } else {
            warnings.add(Warning.of(WarningCode.BATTERY_CRITICAL, String.format(Locale.ROOT,
                    "The battery is low (%d %%) and not charging: ask the customer to plug the phone in"
                            + " before the phone switches off.", level)));
        }
    }

    private static void storage(Volume internal, List<Warning> warnings) {
        if (internal == null || internal.totalBytes <= 0 || internal.freeShare() >= LOW_STORAGE_SHARE) {
            return;
        }
        warnings.add(Warning.of(WarningCode.STORAGE_LOW, String.format(Locale.ROOT,
                "Internal storage is nearly full (%s free of %s, %.0f %%): apps may fail to update or save;"
                        + " ask the customer to free some space.",
                bytes(internal.freeBytes), bytes(internal.totalBytes), internal.freeShare() * 100)));
    }

    private static void permission(Reading<Grant> grant, WarningCode code, String what, String consequence,
                                   List<Warning> warnings) {
        if (!grant.isAvailable() || grant.value.granted) {
            return;
        }
        String reason = grant.value.reason == null ? "" : " (" + grant.value.reason + ")";
        warnings.add(Warning.of(code, what + reason + ": " + consequence + "."));
    }

    private static String bytes(long bytes) {
        if (bytes >= 1_000_000_000L) {
            return String.format(Locale.ROOT, "%.1f GB", bytes / 1e9);
        }
        return String.format(Locale.ROOT, "%d MB", bytes / 1_000_000L);
    }
}
