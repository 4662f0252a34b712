package dev.tandem.server.view;

import java.util.List;

/**
 * The log files stored with a session and the state of the latest request, as
 * {@code /api/v1/sessions/{id}/logs} and the console's {@code logs} event show them
 * (docs/protocol.md 2c). {@code refused} names the files the phone would not send, and why.
 */
public record LogsView(String status, long revision, List<LogFileView> files, List<Refused> refused) {

    /** A file the phone did not send. */
    public record Refused(String name, String reason) {
    }
}
