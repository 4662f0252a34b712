package dev.tandem.server.view;

import java.time.Instant;

/** How the views write what they share: instants as ISO-8601 text. */
public final class Views {
    private Views() {
    }

    public static String iso(Instant instant) {
        return instant.toString();
    }
}
