package dev.tandem.server.domain;

import java.time.Instant;

/** A log file a phone uploaded into a session, as stored. */
public record LogFileRecord(String id, String sessionId, String name, long size, String sha256, Instant storedAt) {
}
