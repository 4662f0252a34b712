package dev.tandem.device.diagnostics;

import dev.tandem.agent.diagnostics.DiagnosticsCollector;
import dev.tandem.device.DeviceProfile;
import dev.tandem.protocol.diagnostics.DeviceSection;
import dev.tandem.protocol.message.DeviceInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;

/** Builds the virtual phone's {@link DiagnosticsCollector}, every section simulated for its profile. */
public final class VirtualPhoneDiagnostics {
    private VirtualPhoneDiagnostics() {
    }

    /** The collector for {@code profile}, with a seed fixed per profile so every run tells the same story. */
    public static DiagnosticsCollector forProfile(DeviceProfile profile, Clock clock) {
        return forProfile(profile, clock, VirtualPermissions.forProfile(profile));
    }

    /** As {@link #forProfile(DeviceProfile, Clock)}, reporting the permissions the phone keeps in {@code permissions}. */
    public static DiagnosticsCollector forProfile(DeviceProfile profile, Clock clock, VirtualPermissions permissions) {
        return create(profile, clock, new Random(profile.cliName().hashCode()), permissions);
    }

    /**
     * The collector for {@code profile}, its moving values drawn from {@code random} and its permissions
     * read from {@code permissions}, which the phone updates as the customer consents.
     */
    public static DiagnosticsCollector create(DeviceProfile profile, Clock clock, Random random,
                                              VirtualPermissions permissions) {
        PhoneSpec spec = PhoneSpec.of(profile);
        DeviceInfo info = profile.deviceInfo();
        Instant bootedAt = clock.instant().minus(spec.uptimeAtStart());
        return DiagnosticsCollector.builder(clock)
                .device(() -> new DeviceSection(info.manufacturer, info.model, info.androidVersion, info.apiLevel,
                        spec.securityPatch(), spec.build(), Duration.between(bootedAt, clock.instant()).toSeconds()))
                .battery(new VirtualBattery(spec.battery(), clock, new Random(random.nextLong())))
                .storage(new VirtualStorage(spec.storage(), clock, new Random(random.nextLong())))
                .memory(new VirtualMemory(spec.memory(), clock, new Random(random.nextLong())))
                .cpu(spec::cpu)
                .display(spec::display)
                .network(new VirtualNetwork(spec.network(), clock, new Random(random.nextLong())))
                .locale(spec::locale)
                .apps(() -> PreinstalledApps.forProfile(profile))
                .permissions(permissions)
                .build();
    }
}
