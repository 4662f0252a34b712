package dev.tandem.server.settings;

import dev.tandem.server.i18n.Phrase;
import dev.tandem.server.audit.AuditAction;
import dev.tandem.server.audit.AuditLog;
import dev.tandem.server.store.LogVault;
import dev.tandem.server.store.RetentionStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the retention settings: of sessions that ended longer ago than the setting, transcripts
 * with their diagnostics reports ({@code transcriptDays}) and log files with their records
 * ({@code logFileDays}) are removed; a session's recording goes with its transcript. The sessions themselves and the audit log are kept. Runs at
 * start and daily; a sweep that removed something writes one audit entry. Thread-safe (one sweep
 * at a time).
 */
public final class RetentionSweep {
    private static final Logger LOG = LoggerFactory.getLogger(RetentionSweep.class);
    private static final int BATCH = 200;
    private final Settings settings;
    private final RetentionStore store;
    private final LogVault vault;
    private final AuditLog audit;
    private final Clock clock;

    public RetentionSweep(Settings settings, RetentionStore store, LogVault vault, AuditLog audit, Clock clock) {
        this.settings = settings;
        this.store = store;
        this.vault = vault;
        this.audit = audit;
        this.clock = clock;
    }

    /** What one sweep removed. */
    public record Result(int transcriptSessions, int transcriptRows, int logFileSessions, int logFiles,
                         int recordingSessions) {
        public boolean removedAnything() {
            return transcriptSessions + logFileSessions > 0;
        }
    }

    public synchronized Result sweep() {
        Instant now = clock.instant();
        int transcriptSessions = 0;
        int recordedSessions = 0;
        int transcriptRows = 0;
        int logSessions = 0;
        int logFiles = 0;
        List<String> notes = new ArrayList<>();
        if (settings.transcriptDays().isPresent()) {
            int days = settings.transcriptDays().get();
            Instant cutoff = now.minus(Duration.ofDays(days));
            for (List<String> due = store.transcriptsDue(cutoff, BATCH); !due.isEmpty();
                 due = store.transcriptsDue(cutoff, BATCH)) {
                for (String session : due) {
                    // Recordings follow the transcript's setting (issue 18.6): the screen goes with the chat.
                    if (store.removeRecordings(session) > 0) {
                        recordedSessions++;
                    }
                    transcriptRows += store.removeTranscript(session, now);
                    transcriptSessions++;
                }
            }
            if (transcriptSessions > 0) {
                notes.add("transcripts and diagnostics reports of " + transcriptSessions + " sessions ("
                        + transcriptRows + " rows) that ended more than " + days + " days ago");
            }
        }
        if (settings.logFileDays().isPresent()) {
            int days = settings.logFileDays().get();
            Instant cutoff = now.minus(Duration.ofDays(days));
            List<String> skipped = new ArrayList<>();
            for (List<String> due = store.logFilesDue(cutoff, BATCH); !due.isEmpty() && skipped.size() < due.size();
                 due = store.logFilesDue(cutoff, BATCH)) {
                for (String session : due) {
                    if (skipped.contains(session)) {
                        continue;
                    }
                    if (vault.deleteSession(session)) {
                        logFiles += store.removeLogFiles(session, now);
                        logSessions++;
                    } else {
                        // Kept listed so the next sweep tries again; never mark bytes gone that are still on disk.
                        LOG.warn("Retention: the log files of session {} could not all be deleted; trying again later",
                                session);
                        skipped.add(session);
                    }
                }
            }
            if (logSessions > 0) {
                notes.add("log files of " + logSessions + " sessions (" + logFiles + " files) that ended more than "
                        + days + " days ago");
            }
        }
        Result result = new Result(transcriptSessions, transcriptRows, logSessions, logFiles, recordedSessions);
        if (recordedSessions > 0) {
            audit.record(AuditLog.SYSTEM, AuditAction.RECORDING_DELETED, Phrase.of("audit.recordingsPurged",
                    "sessions", String.valueOf(recordedSessions)));
        }
        if (result.removedAnything()) {
            audit.record(AuditLog.SYSTEM, AuditAction.RETENTION_PURGED, Phrase.of("audit.retentionPurged",
                    "sessions", String.valueOf(transcriptSessions), "rows", String.valueOf(transcriptRows),
                    "logSessions", String.valueOf(logSessions), "logFiles", String.valueOf(logFiles)));
            LOG.info("Retention removed {}", String.join("; ", notes));
        }
        return result;
    }
}
