package dev.tandem.protocol.diagnostics;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What the phone is plugged into; {@code none} when it runs on battery. JSON: lower case. */
public enum PowerSource {
    AC, USB, WIRELESS, NONE;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
