package dev.tandem.server.view;

import java.time.Instant;

/**
 * "Invite to the app" was sent (issue 18.1): the link the customer got in the chat and when it stops
 * working. The technician may pass the link on by other means; it works once.
 */
public record AppInviteView(String session, String link, String expiresAt) {
    public static AppInviteView of(String session, String link, Instant expiresAt) {
        return new AppInviteView(session, link, Views.iso(expiresAt));
    }
}
