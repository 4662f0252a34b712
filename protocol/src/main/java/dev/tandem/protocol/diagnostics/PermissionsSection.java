package dev.tandem.protocol.diagnostics;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The two permissions remote support needs: screen capture to share the screen, accessibility to control it. */
public final class PermissionsSection {
    public final Reading<Grant> screenCapture;
    public final Reading<Grant> accessibility;

    @JsonCreator
    public PermissionsSection(@JsonProperty("screenCapture") Reading<Grant> screenCapture,
                              @JsonProperty("accessibility") Reading<Grant> accessibility) {
        this.screenCapture = Reading.orAbsent(screenCapture);
        this.accessibility = Reading.orAbsent(accessibility);
    }
}
