package dev.tandem.protocol.diagnostics;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The screen in its natural (portrait) orientation. */
public final class DisplaySection {
    public final int widthPx;
    public final int heightPx;
    public final int densityDpi;
    public final Reading<Double> refreshRateHz;

    @JsonCreator
    public DisplaySection(@JsonProperty("widthPx") int widthPx, @JsonProperty("heightPx") int heightPx,
                          @JsonProperty("densityDpi") int densityDpi,
                          @JsonProperty("refreshRateHz") Reading<Double> refreshRateHz) {
        this.widthPx = widthPx;
        this.heightPx = heightPx;
        this.densityDpi = densityDpi;
        this.refreshRateHz = Reading.orAbsent(refreshRateHz);
    }
}
