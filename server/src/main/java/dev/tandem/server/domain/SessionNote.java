package dev.tandem.server.domain;

import java.time.Instant;

/**
 * A private note a technician wrote on a session: for the technicians who can see the session,
 * never for its customer. {@code authorName} is the author's display name when it was written.
 */
public record SessionNote(long id, String sessionId, long authorId, String author, String authorName, String text,
                          Instant at) {
}
