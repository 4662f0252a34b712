package dev.tandem.protocol.diagnostics;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Whether the customer has granted one permission the Tandem app can use, and when not, why (for
 * example "waiting for the customer's consent"). A permission the phone cannot grant at all is an
 * unavailable {@link Reading} instead.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class Grant {
    public final boolean granted;
    /** Why the permission is not granted; {@code null} when it is. */
    public final String reason;

    @JsonCreator
    public Grant(@JsonProperty("granted") boolean granted, @JsonProperty("reason") String reason) {
        this.granted = granted;
        this.reason = granted ? null : reason;
    }

    public static Grant granted() {
        return new Grant(true, null);
    }

    public static Grant notGranted(String reason) {
        return new Grant(false, reason);
    }
}
