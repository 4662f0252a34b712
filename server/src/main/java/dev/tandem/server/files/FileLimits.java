package dev.tandem.server.files;

import dev.tandem.server.ErrorCode;
import dev.tandem.server.Rejection;
import dev.tandem.server.settings.Settings;
import java.util.Locale;
import java.util.Optional;

/**
 * The limits on files both ways, as the settings give them now: a largest file and a most bytes per
 * session (declined files apart). The same sentences answer the technician's REST call (413 with
 * the code) and the phone's upload ({@code fileRefused} with the code). Thread-safe.
 */
public final class FileLimits {
    private static final long MB = 1_048_576L;
    private final Settings settings;
    private final FileStore store;

    public FileLimits(Settings settings, FileStore store) {
        this.settings = settings;
        this.store = store;
    }

    /** Why a file of {@code size} bytes does not fit into the session, or empty when it does. */
    public Optional<Refusal> refusal(String sessionId, String name, long size) {
        return refusal(sessionId, name, size, 0);
    }

    /** As {@link #refusal(String, String, long)}, for a file that counts {@code counted} bytes in the session already. */
    public Optional<Refusal> refusal(String sessionId, String name, long size, long counted) {
        long perFile = settings.fileMegabytes() * MB;
        if (size < 0 || size > perFile) {
            return Optional.of(new Refusal(ErrorCode.FILE_TOO_LARGE, name + " is " + megabytes(size)
                    + "; a file may have at most " + megabytes(perFile) + "."));
        }
        long perSession = settings.sessionFileMegabytes() * MB;
        long held = store.bytes(sessionId) - counted;
        if (held + size > perSession) {
            return Optional.of(new Refusal(ErrorCode.SESSION_FILES_FULL, "The session already holds "
                    + megabytes(held) + " of files and may hold at most " + megabytes(perSession) + "; " + name
                    + " (" + megabytes(size) + ") does not fit."));
        }
        return Optional.empty();
    }

    /** Throws the 413 of {@link #refusal}. */
    public void require(String sessionId, String name, long size) {
        refusal(sessionId, name, size).ifPresent(r -> {
            throw Rejection.of(r.code(), r.message());
        });
    }

    /** A file that does not fit: the error code and a sentence for people. */
    public record Refusal(ErrorCode code, String message) {
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (double) MB);
    }
}
