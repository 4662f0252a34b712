package dev.tandem.device.diagnostics;

import dev.tandem.device.DeviceProfile;
import dev.tandem.protocol.diagnostics.CpuSection;
import dev.tandem.protocol.diagnostics.DisplaySection;
import dev.tandem.protocol.diagnostics.LocaleSection;
import dev.tandem.protocol.diagnostics.NetworkKind;
import dev.tandem.protocol.diagnostics.PowerSource;
import dev.tandem.protocol.diagnostics.Reading;
import dev.tandem.protocol.diagnostics.Volume;
import java.time.Duration;
import java.util.List;

/**
 * What each virtual phone is like: the fixed facts, and where its moving values start and how far
 * they may go. Samsung is a Galaxy S23 Ultra, LG a VELVET, generic a budget phone that is nearly
 * full, on mobile data and silent about some things.
 */
record PhoneSpec(Reading<String> securityPatch, Reading<String> build, Duration uptimeAtStart, CpuSection cpu,
                 DisplaySection display, LocaleSection locale, VirtualBattery.Spec battery,
                 VirtualStorage.Spec storage, VirtualMemory.Spec memory, VirtualNetwork.Spec network) {

    private static final long GB = 1_000_000_000L;
    private static final long MB = 1_000_000L;

    static PhoneSpec of(DeviceProfile profile) {
        return switch (profile) {
            case SAMSUNG -> new PhoneSpec(Reading.of("2024-05-01"), Reading.of("UP1A.231005.007.S918BXXS3BXE1"),
                    Duration.ofDays(3).plusHours(4),
                    new CpuSection(List.of("arm64-v8a", "armeabi-v7a", "armeabi"), 8),
                    new DisplaySection(1440, 3088, 600, Reading.of(120.0)),
                    new LocaleSection("de-DE", "Europe/Berlin"),
                    new VirtualBattery.Spec(78, 5, 60, PowerSource.AC, true),
                    new VirtualStorage.Spec(256 * GB, 131 * GB, 110 * GB, 150 * GB, null,
                            "this phone has no SD card slot"),
                    new VirtualMemory.Spec(11_650 * MB, 5_200 * MB, 3_400 * MB, 7_000 * MB, 230 * MB),
                    new VirtualNetwork.Spec(NetworkKind.WIFI, -54, 1_201, "Telekom.de", "NR",
                            List.of("192.168.178.34", "fe80::a8c1:5eff:fe12:3b44")));
            case LG -> new PhoneSpec(Reading.of("2023-03-01"), Reading.of("TP1A.220624.014"),
                    Duration.ofDays(11).plusHours(7),
                    new CpuSection(List.of("arm64-v8a", "armeabi-v7a", "armeabi"), 8),
                    new DisplaySection(1080, 2460, 420, Reading.of(60.0)),
                    new LocaleSection("ko-KR", "Asia/Seoul"),
                    new VirtualBattery.Spec(64, 6, 40, PowerSource.USB, true),
                    new VirtualStorage.Spec(128 * GB, 47 * GB, 35 * GB, 60 * GB, new Volume(63_870 * MB, 21_400 * MB),
                            null),
                    new VirtualMemory.Spec(7_650 * MB, 2_900 * MB, 1_600 * MB, 4_200 * MB, 216 * MB),
                    new VirtualNetwork.Spec(NetworkKind.WIFI, -63, 866, "SK Telecom", "LTE",
                            List.of("192.168.0.17", "fe80::2c0:ffff:fe3a:9d01")));
            case GENERIC -> new PhoneSpec(Reading.unavailable("not reported by this vendor"),
                    Reading.of("U1TDS34.94-12-7-3"), Duration.ofHours(19),
                    new CpuSection(List.of("arm64-v8a", "armeabi-v7a", "armeabi"), 8),
                    new DisplaySection(1080, 2400, 400,
                            Reading.unavailable("not reported by this phone's display driver")),
                    new LocaleSection("en-GB", "Europe/London"),
                    new VirtualBattery.Spec(46, 7, 25, PowerSource.USB, false),
                    new VirtualStorage.Spec(64 * GB, 4_300 * MB, 2_600 * MB, 5_600 * MB, null,
                            "no SD card inserted"),
                    new VirtualMemory.Spec(3_780 * MB, 900 * MB, 420 * MB, 1_500 * MB, 226 * MB),
                    new VirtualNetwork.Spec(NetworkKind.CELLULAR, -70, 0, "Vodafone UK", "LTE",
                            List.of("100.78.23.140", "2001:db8:4c8:5d21::1")));
        };
    }
}
