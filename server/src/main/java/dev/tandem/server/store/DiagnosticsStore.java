package dev.tandem.server.store;

import dev.tandem.server.domain.LogFileRecord;
import dev.tandem.server.domain.StoredReport;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Diagnostics reports and log-file records of sessions. Thread-safe. */
public final class DiagnosticsStore {
    private final Jdbi jdbi;

    public DiagnosticsStore(Database database) {
        this.jdbi = database.jdbi();
    }

    public void insertReport(StoredReport report) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO diagnostics_reports (id, session_id, collected_at, report)"
                        + " VALUES (:id, :session, :at, :report)")
                .bind("id", report.id()).bind("session", report.sessionId()).bind("at", report.collectedAt())
                .bind("report", report.reportJson()).execute());
    }

    /** The newest report of a session. */
    public Optional<StoredReport> latestReport(String sessionId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM diagnostics_reports WHERE session_id = :s"
                        + " ORDER BY collected_at DESC, id DESC")
                .bind("s", sessionId).setMaxRows(1).map((rs, ctx) -> report(rs)).findFirst());
    }

    /** Every report of a session, oldest first. */
    public List<StoredReport> reports(String sessionId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM diagnostics_reports WHERE session_id = :s"
                        + " ORDER BY collected_at, id")
                .bind("s", sessionId).map((rs, ctx) -> report(rs)).list());
    }

    public void insertLogFile(LogFileRecord file) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO log_files (id, session_id, name, size, sha256, stored_at)"
                        + " VALUES (:id, :session, :name, :size, :sha, :at)")
                .bind("id", file.id()).bind("session", file.sessionId()).bind("name", file.name())
                .bind("size", file.size()).bind("sha", file.sha256()).bind("at", file.storedAt()).execute());
    }

    /** A session's log files, oldest first. */
    public List<LogFileRecord> logFiles(String sessionId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM log_files WHERE session_id = :s ORDER BY stored_at, id")
                .bind("s", sessionId).map((rs, ctx) -> logFile(rs)).list());
    }

    /** How many log files a session holds. */
    public int logFileCount(String sessionId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM log_files WHERE session_id = :s")
                .bind("s", sessionId).mapTo(Integer.class).one());
    }

    /** The bytes of log files stored for a session so far. */
    public long logBytes(String sessionId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COALESCE(SUM(size), 0) FROM log_files WHERE session_id = :s")
                .bind("s", sessionId).mapTo(Long.class).one());
    }

    private static StoredReport report(ResultSet rs) throws SQLException {
        return new StoredReport(rs.getString("id"), rs.getString("session_id"),
                rs.getTimestamp("collected_at").toInstant(), rs.getString("report"));
    }

    private static LogFileRecord logFile(ResultSet rs) throws SQLException {
        return new LogFileRecord(rs.getString("id"), rs.getString("session_id"), rs.getString("name"),
                rs.getLong("size"), rs.getString("sha256"), rs.getTimestamp("stored_at").toInstant());
    }
}
