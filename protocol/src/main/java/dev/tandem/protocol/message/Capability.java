package dev.tandem.protocol.message;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether the phone can do one thing, and when it cannot, why (shown to the technician). */
public final class Capability {
    public final boolean available;
    public final String reason;

    @JsonCreator
    public Capability(@JsonProperty("available") boolean available, @JsonProperty("reason") String reason) {
        this.available = available;
        this.reason = available ? null : reason;
    }

    public static Capability available() { return new Capability(true, null); }

    public static Capability missing(String reason) { return new Capability(false, reason); }
}
