package dev.tandem.server.records;

import dev.tandem.server.LogText;
import dev.tandem.server.ErrorCode;
import dev.tandem.server.Rejection;
import dev.tandem.server.domain.LogFileRecord;
import dev.tandem.server.domain.User;
import dev.tandem.server.store.DiagnosticsStore;
import dev.tandem.server.store.LogVault;
import dev.tandem.server.view.LogFileView;
import java.io.UncheckedIOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log files stored with the sessions (rows in the store, bytes in the {@link LogVault}): what a
 * session has, one file's bytes for its technician, and the files as the logs view lists them.
 * They stay after the session ends, until the retention sweep. Thread-safe.
 */
public final class LogFiles {
    private static final Logger LOG = LoggerFactory.getLogger(LogFiles.class);
    private final DiagnosticsStore store;
    private final LogVault vault;
    private final SessionAccess access;

    public LogFiles(DiagnosticsStore store, LogVault vault, SessionAccess access) {
        this.store = store;
        this.vault = vault;
        this.access = access;
    }

    public List<LogFileRecord> of(String sessionId) {
        return store.logFiles(sessionId);
    }

    /** One stored log file; 404 for a session or file the user may not see. */
    public StoredFile file(User user, String sessionId, String fileId) {
        access.visible(user, sessionId);
        LogFileRecord record = store.logFiles(sessionId).stream().filter(f -> f.id().equals(fileId)).findFirst()
                .orElseThrow(() -> Rejection.notFound("There is no log file " + fileId + " in session " + sessionId + "."));
        return new StoredFile(record, read(sessionId, record));
    }

    /** A stored file's bytes; a file gone from disk is a clear 410, not a server error. */
    public byte[] read(String sessionId, LogFileRecord file) {
        try {
            return vault.read(sessionId, file.id());
        } catch (UncheckedIOException e) {
            LOG.warn("Session {}: log file {} is listed but cannot be read: {}", sessionId, LogText.escape(file.id()), LogText.escape(e.getMessage()));
            throw Rejection.of(ErrorCode.FILE_MISSING, file.name()
                    + " is listed with this session but its content is no longer on the server's disk.");
        }
    }

    /** The files as the logs view lists them, each with its download link (one shape, also in the history). */
    public List<LogFileView> views(String sessionId, List<LogFileRecord> files) {
        return files.stream().map(f -> LogFileView.of(sessionId, f)).toList();
    }
}
