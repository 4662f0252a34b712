package dev.tandem.device.screen;

import java.util.Objects;

/** One notification in the shade, e.g. Tandem's "Your screen is being shared". Thread-safe (immutable). */
public record Notification(String app, String title, String text) {

    /** What the phone shows while the technician sees the screen. */
    public static final Notification SCREEN_SHARED =
            new Notification("Tandem", "Your screen is being shared", "Tap Stop in Tandem to end sharing");

    public Notification {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
    }
}
