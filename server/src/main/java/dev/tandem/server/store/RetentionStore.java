package dev.tandem.server.store;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * Removes what retention ends: transcripts with their diagnostics reports, private notes and survey comments, and log-file records,
 * of sessions that ended before a cut-off. The session rows stay and are marked. Thread-safe.
 */
public final class RetentionStore {
    private final Jdbi jdbi;

    public RetentionStore(Database database) {
        this.jdbi = database.jdbi();
    }

    /** Ended sessions older than {@code cutoff} whose transcript is still kept. */
    public List<String> transcriptsDue(Instant cutoff, int limit) {
        return due("transcript_removed_at", cutoff, limit);
    }

    /** Ended sessions older than {@code cutoff} whose log files are still kept. */
    public List<String> logFilesDue(Instant cutoff, int limit) {
        return due("log_files_removed_at", cutoff, limit);
    }

    /** Deletes a session's transcript and diagnostics reports; returns how many rows went. */
    public int removeTranscript(String sessionId, Instant at) {
        return jdbi.inTransaction(h -> {
            int messages = h.createUpdate("DELETE FROM messages WHERE session_id = :s").bind("s", sessionId).execute();
            int reports = h.createUpdate("DELETE FROM diagnostics_reports WHERE session_id = :s").bind("s", sessionId)
                    .execute();
            h.createUpdate("DELETE FROM app_invites WHERE session_id = :s").bind("s", sessionId).execute();
            // The technicians' private notes are written about the customer: they go with the transcript.
            int notes = h.createUpdate("DELETE FROM session_notes WHERE session_id = :s").bind("s", sessionId).execute();
            // The survey's comment is the customer's words, as the transcript is; the rating stays.
            h.createUpdate("UPDATE session_surveys SET comment = NULL WHERE session_id = :s").bind("s", sessionId)
                    .execute();
            h.createUpdate("UPDATE support_sessions SET transcript_removed_at = :at WHERE id = :s")
                    .bind("at", at).bind("s", sessionId).execute();
            return messages + reports + notes;
        });
    }

    /** Deletes a session's recording with the transcript (issue 18.6); returns how many parts went. */
    public int removeRecordings(String sessionId) {
        return jdbi.inTransaction(h -> {
            h.createUpdate("DELETE FROM recording_chunks WHERE recording_id IN"
                    + " (SELECT id FROM session_recordings WHERE session_id = :s)").bind("s", sessionId).execute();
            return h.createUpdate("DELETE FROM session_recordings WHERE session_id = :s").bind("s", sessionId)
                    .execute();
        });
    }

    /** Deletes a session's log-file records (the caller removes the bytes) and its files both ways; returns how many went. */
    public int removeLogFiles(String sessionId, Instant at) {
        return jdbi.inTransaction(h -> {
            int files = h.createUpdate("DELETE FROM log_files WHERE session_id = :s").bind("s", sessionId).execute();
            // Files both ways (docs/files.md) are kept as long as the log files, and go with them.
            h.createUpdate("DELETE FROM session_file_pieces WHERE file_id IN"
                    + " (SELECT id FROM session_files WHERE session_id = :s)").bind("s", sessionId).execute();
            files += h.createUpdate("DELETE FROM session_files WHERE session_id = :s").bind("s", sessionId).execute();
            h.createUpdate("UPDATE support_sessions SET log_files_removed_at = :at WHERE id = :s")
                    .bind("at", at).bind("s", sessionId).execute();
            return files;
        });
    }

    private List<String> due(String column, Instant cutoff, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM support_sessions WHERE status = 'ended'"
                        + " AND ended_at < :cutoff AND " + column + " IS NULL ORDER BY ended_at")
                .bind("cutoff", cutoff).setMaxRows(limit).mapTo(String.class).list());
    }
}
