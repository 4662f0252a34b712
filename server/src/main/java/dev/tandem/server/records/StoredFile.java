package dev.tandem.server.records;

import dev.tandem.server.domain.LogFileRecord;

/** A stored log file and its bytes. */
public record StoredFile(LogFileRecord record, byte[] content) {
}
