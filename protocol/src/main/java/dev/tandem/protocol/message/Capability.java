package dev.tandem.protocol.message;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Whether the phone can do one thing, and when it cannot, why (shown to the technician). A missing
 * capability may also carry a {@code code} naming where the customer stands (for example
 * {@code accessibility_restricted}), so the console can say it in the technician's own language;
 * the English {@code reason} stays for every other reader. Immutable.
 */
public final class Capability {
    public final boolean available;
    public final String reason;
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public final String code;

    @JsonCreator
    public Capability(@JsonProperty("available") boolean available, @JsonProperty("reason") String reason,
                      @JsonProperty("code") String code) {
        this.available = available;
        this.reason = available ? null : reason;
        this.code = available ? null : code;
    }

    public Capability(boolean available, String reason) {
        this(available, reason, null);
    }

    public static Capability available() { return new Capability(true, null); }

    public static Capability missing(String reason) { return new Capability(false, reason); }

    /** Missing, with the machine-readable {@code code} of the step the customer is on. */
    public static Capability missing(String reason, String code) { return new Capability(false, reason, code); }
}
