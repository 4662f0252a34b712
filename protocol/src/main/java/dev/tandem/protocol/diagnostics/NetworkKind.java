package dev.tandem.protocol.diagnostics;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The phone's active network; {@code none} when it is offline. JSON: lower case. */
public enum NetworkKind {
    WIFI, CELLULAR, ETHERNET, NONE;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
