package dev.tandem.protocol.diagnostics;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** One finding in a report: a stable code, the section it is about and an English sentence. */
public final class Warning {
    public final WarningCode code;
    public final String section;
    public final String message;

    @JsonCreator
    public Warning(@JsonProperty("code") WarningCode code, @JsonProperty("section") String section,
                   @JsonProperty("message") String message) {
        this.code = code;
        this.section = section;
        this.message = message;
    }

    static Warning of(WarningCode code, String message) {
        return new Warning(code, code.section(), message);
    }

    @Override
    public String toString() {
        return code.code() + ": " + message;
    }
}
