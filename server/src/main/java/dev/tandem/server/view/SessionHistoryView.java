package dev.tandem.server.view;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One session's whole record as {@code /api/v1/sessions/{id}/history} shows it: the session, its
 * transcript, the permission events the audit log recorded, the stored diagnostics reports, the
 * log files, what retention has removed, the technicians' private notes and the customer's survey
 * answer (null when none); new fields come last so the earlier ones keep their order.
 */
public record SessionHistoryView(SessionView session, List<MessageView> transcript, List<PermissionEvent> permissions,
                                 List<Report> diagnostics, List<LogFileView> logFiles, Retention retention,
                                 List<SessionNoteView> notes, Survey survey) {

    /** How the customer rated the session (1 to 5) and their comment (null when none, or removed by retention). */
    public record Survey(int rating, String comment, String answeredAt) {
    }

    /** A permission asked, granted, refused, stopped or released; {@code kind} is what it was about. */
    public record PermissionEvent(String at, String kind, String event, String actor) {
    }

    /** A stored diagnostics report as the phone sent it; {@code report} is null when it cannot be read. */
    public record Report(String id, String collectedAt, JsonNode report) {
    }

    /** Whether the retention rules have removed the transcript or the log files. */
    public record Retention(boolean transcriptRemoved, boolean logFilesRemoved) {
    }
}
