package dev.tandem.protocol.message;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Who the phone is: shown to the technician next to the chat. */
public final class DeviceInfo {
    public final String manufacturer;
    public final String model;
    public final String androidVersion;
    public final int apiLevel;
    public final String profile;

    @JsonCreator
    public DeviceInfo(@JsonProperty("manufacturer") String manufacturer, @JsonProperty("model") String model,
                      @JsonProperty("androidVersion") String androidVersion, @JsonProperty("apiLevel") int apiLevel,
                      @JsonProperty("profile") String profile) {
        this.manufacturer = manufacturer;
        this.model = model;
        this.androidVersion = androidVersion;
        this.apiLevel = apiLevel;
        this.profile = profile;
    }
}
