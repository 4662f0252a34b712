package dev.tandem.server.domain;

import java.util.Locale;

/** Where an issued session code is in its single-use life. */
public enum CodeStatus {
    WAITING, JOINED, EXPIRED, CANCELLED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CodeStatus fromWire(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }
}
