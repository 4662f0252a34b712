package dev.tandem.protocol.diagnostics;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The battery, as Android's battery broadcast describes it. */
public final class BatterySection {
    public final Reading<Integer> levelPercent;
    public final boolean charging;
    public final PowerSource source;
    /** Android's health word in lower case: {@code good}, {@code overheat}, {@code dead}, {@code cold}, ... */
    public final Reading<String> health;
    public final Reading<Double> temperatureCelsius;
    public final Reading<Integer> voltageMillivolts;

    @JsonCreator
    public BatterySection(@JsonProperty("levelPercent") Reading<Integer> levelPercent,
                          @JsonProperty("charging") boolean charging, @JsonProperty("source") PowerSource source,
                          @JsonProperty("health") Reading<String> health,
                          @JsonProperty("temperatureCelsius") Reading<Double> temperatureCelsius,
                          @JsonProperty("voltageMillivolts") Reading<Integer> voltageMillivolts) {
        this.levelPercent = Reading.orAbsent(levelPercent);
        this.charging = charging;
        this.source = source == null ? PowerSource.NONE : source;
        this.health = Reading.orAbsent(health);
        this.temperatureCelsius = Reading.orAbsent(temperatureCelsius);
        this.voltageMillivolts = Reading.orAbsent(voltageMillivolts);
    }
}
