package dev.tandem.protocol.diagnostics;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Everything the technician's "Remote Diagnostics" window shows about the customer's phone, as
 * collected at one moment. Each section is a {@link Reading}: a section the phone could not collect
 * is unavailable with the reason, and the others are still there. {@code version} is
 * {@link #CURRENT_VERSION}; a reader that meets a higher version shows what it knows and ignores
 * the rest. Immutable and thread-safe.
 */
public final class DiagnosticsReport {
    public static final int CURRENT_VERSION = 1;

    public final int version;
    /** When the values were read, ISO-8601 with offset, e.g. {@code 2025-06-01T09:30:00Z}. */
    public final String collectedAt;
    public final Reading<DeviceSection> device;
    public final Reading<BatterySection> battery;
    public final Reading<StorageSection> storage;
    public final Reading<MemorySection> memory;
    public final Reading<CpuSection> cpu;
    public final Reading<DisplaySection> display;
    public final Reading<NetworkSection> network;
    public final Reading<LocaleSection> locale;
    public final Reading<AppsSection> installedApps;
    public final Reading<PermissionsSection> permissions;

    @JsonCreator
    public DiagnosticsReport(@JsonProperty("version") int version, @JsonProperty("collectedAt") String collectedAt,
                             @JsonProperty("device") Reading<DeviceSection> device,
                             @JsonProperty("battery") Reading<BatterySection> battery,
                             @JsonProperty("storage") Reading<StorageSection> storage,
                             @JsonProperty("memory") Reading<MemorySection> memory,
                             @JsonProperty("cpu") Reading<CpuSection> cpu,
                             @JsonProperty("display") Reading<DisplaySection> display,
                             @JsonProperty("network") Reading<NetworkSection> network,
                             @JsonProperty("locale") Reading<LocaleSection> locale,
                             @JsonProperty("installedApps") Reading<AppsSection> installedApps,
                             @JsonProperty("permissions") Reading<PermissionsSection> permissions) {
        this.version = version;
        this.collectedAt = collectedAt;
        this.device = Reading.orAbsent(device);
        this.battery = Reading.orAbsent(battery);
        this.storage = Reading.orAbsent(storage);
        this.memory = Reading.orAbsent(memory);
        this.cpu = Reading.orAbsent(cpu);
        this.display = Reading.orAbsent(display);
        this.network = Reading.orAbsent(network);
        this.locale = Reading.orAbsent(locale);
        this.installedApps = Reading.orAbsent(installedApps);
        this.permissions = Reading.orAbsent(permissions);
    }
}
