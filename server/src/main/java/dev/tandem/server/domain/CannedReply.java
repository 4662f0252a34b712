package dev.tandem.server.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * A text a technician inserts into the chat composer by its {@code shortcut}: shared by a portal
 * ({@code portal} is its slug, kept by administrators) or personal ({@code ownerId}, kept by its
 * technician). {@code updatedBy} is the user name of whoever wrote the current text.
 */
public record CannedReply(long id, Optional<String> portal, Optional<Long> ownerId, String shortcut, String text,
                          String updatedBy, Instant updatedAt) {

    public boolean isShared() {
        return portal.isPresent();
    }
}
