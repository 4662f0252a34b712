package dev.tandem.protocol.diagnostics;

import java.util.List;

/** Reports for the tests: a healthy phone, and the same phone with its sections changed one by one. */
final class SampleReports {
    private SampleReports() {
    }

    static DiagnosticsReport healthy() {
        return with(battery(80, false), storage(256_000_000_000L, 120_000_000_000L), memory(false),
                network(NetworkKind.WIFI), permissions(Grant.granted()));
    }

    static DiagnosticsReport with(BatterySection battery, StorageSection storage, MemorySection memory,
                                  NetworkSection network, PermissionsSection permissions) {
        return new DiagnosticsReport(DiagnosticsReport.CURRENT_VERSION, "2025-06-01T09:30:00Z",
                Reading.of(new DeviceSection("samsung", "SM-S918B", "14", 34, Reading.of("2024-05-01"),
                        Reading.unavailable("not reported by this vendor"), 86_400)),
                Reading.of(battery), Reading.of(storage), Reading.of(memory),
                Reading.of(new CpuSection(List.of("arm64-v8a", "armeabi-v7a"), 8)),
                Reading.of(new DisplaySection(1440, 3088, 600, Reading.of(120.0))),
                Reading.of(network),
                Reading.of(new LocaleSection("de-DE", "Europe/Berlin")),
                Reading.of(AppsSection.bounded(List.of(InstalledApp.of("Samsung Notes", "com.samsung.android.app.notes",
                        "4.4.21.62"), InstalledApp.of("Ünïcödé \"quoted\" 😀", "org.example.odd", null)))),
                Reading.of(permissions));
    }

    static BatterySection battery(int level, boolean charging) {
        return new BatterySection(Reading.of(level), charging, charging ? PowerSource.USB : PowerSource.NONE,
                Reading.of("good"), Reading.of(31.5), Reading.unavailable("not reported by the battery driver"));
    }

    static StorageSection storage(long total, long free) {
        return new StorageSection(new Volume(total, free), Reading.unavailable("no SD card inserted"));
    }

    static MemorySection memory(boolean low) {
        return new MemorySection(12_000_000_000L, low ? 150_000_000L : 5_000_000_000L, low);
    }

    static NetworkSection network(NetworkKind kind) {
        boolean wifi = kind == NetworkKind.WIFI;
        return new NetworkSection(kind, wifi ? Reading.of(-58) : Reading.unavailable("not on Wi-Fi"),
                wifi ? Reading.of(866) : Reading.unavailable("not on Wi-Fi"),
                Reading.of("Vodafone"), Reading.of("NR"), List.of("192.168.1.23", "fe80::1c4a"), false);
    }

    static PermissionsSection permissions(Grant both) {
        return new PermissionsSection(Reading.of(both), Reading.of(both));
    }
}
