package dev.tandem.server.domain;

import java.time.Instant;

/** One line of a session's transcript. {@code seq} orders the whole transcript. */
public record TranscriptEntry(String sessionId, long seq, Sender sender, String name, String text, Instant at) {
}
