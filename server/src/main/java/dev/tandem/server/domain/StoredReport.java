package dev.tandem.server.domain;

import java.time.Instant;

/** A diagnostics report as stored with its session: the report's own JSON and when the server got it. */
public record StoredReport(String id, String sessionId, Instant collectedAt, String reportJson) {
}
