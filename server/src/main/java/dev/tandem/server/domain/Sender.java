package dev.tandem.server.domain;

import java.util.Locale;

/** Who wrote a transcript entry. */
public enum Sender {
    TECHNICIAN, CUSTOMER, SYSTEM;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Sender fromWire(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }
}
