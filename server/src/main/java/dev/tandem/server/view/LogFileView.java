package dev.tandem.server.view;

import dev.tandem.server.domain.LogFileRecord;

/**
 * A log file stored with a session, one shape everywhere it is shown (the live logs view, the
 * session's history): the contract's {@code {"name","size","url"}} with its id, checksum and time.
 */
public record LogFileView(String id, String name, long size, String sha256, String storedAt, String url) {

    public static LogFileView of(String sessionId, LogFileRecord file) {
        return new LogFileView(file.id(), file.name(), file.size(), file.sha256(), Views.iso(file.storedAt()),
                "/api/v1/sessions/" + sessionId + "/logs/" + file.id());
    }
}
