package dev.tandem.protocol.diagnostics;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Which phone it is and how long it has been running. */
public final class DeviceSection {
    public final String manufacturer;
    public final String model;
    public final String androidVersion;
    public final int apiLevel;
    /** The security patch level, e.g. {@code 2024-05-01}; some vendors do not report it. */
    public final Reading<String> securityPatch;
    /** The build number, e.g. {@code UP1A.231005.007}. */
    public final Reading<String> build;
    public final long uptimeSeconds;

    @JsonCreator
    public DeviceSection(@JsonProperty("manufacturer") String manufacturer, @JsonProperty("model") String model,
                         @JsonProperty("androidVersion") String androidVersion, @JsonProperty("apiLevel") int apiLevel,
                         @JsonProperty("securityPatch") Reading<String> securityPatch,
                         @JsonProperty("build") Reading<String> build,
                         @JsonProperty("uptimeSeconds") long uptimeSeconds) {
        this.manufacturer = manufacturer;
        this.model = model;
        this.androidVersion = androidVersion;
        this.apiLevel = apiLevel;
        this.securityPatch = Reading.orAbsent(securityPatch);
        this.build = Reading.orAbsent(build);
        this.uptimeSeconds = uptimeSeconds;
    }
}
