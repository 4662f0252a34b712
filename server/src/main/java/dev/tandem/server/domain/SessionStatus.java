package dev.tandem.server.domain;

import java.util.Locale;

/** A session is active until either side (or the server) ends it. */
public enum SessionStatus {
    ACTIVE, ENDED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
