package dev.tandem.server.live;

import dev.tandem.protocol.Limits;
import dev.tandem.protocol.message.AgentMessage;
import dev.tandem.server.auth.Secrets;
import dev.tandem.server.domain.LogFileRecord;
import dev.tandem.server.store.DiagnosticsStore;
import dev.tandem.server.store.LogVault;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * Receives the log files a phone uploads (docs/protocol.md section 1.10): each upload is checked as
 * it arrives — declared size within {@link Limits#MAX_LOG_FILE_BYTES} and the session's
 * {@link Limits#MAX_SESSION_LOG_BYTES}, chunks in order with a matching CRC-32, never more bytes than
 * declared — written to a partial file, and kept only when its size and SHA-256 match. A refusal
 * costs that file only. Uploads belong to one device connection; when it drops they are discarded.
 * At most {@value #MAX_OPEN_PER_CONNECTION} uploads are open on one connection and
 * {@value #MAX_OPEN_IN_ALL} in the whole server, so no phone can take the server's open files.
 * Runs on the session's loop (the server-wide count is atomic).
 */
final class LogUploads {
    /** One upload in progress. */
    static final class Upload {
        final String promptId;
        final String fileId;
        final String name;
        final long size;
        final String sha256;
        final MessageDigest digest;
        final OutputStream out;
        long nextIndex;
        long received;

        Upload(String promptId, String fileId, String name, long size, String sha256, OutputStream out) {
            this.promptId = promptId;
            this.fileId = fileId;
            this.name = name;
            this.size = size;
            this.sha256 = sha256;
            this.out = out;
            try {
                this.digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** What became of an upload step: still going, stored, or refused with a reason. */
    record Outcome(Optional<LogFileRecord> stored, Optional<String> refused) {
        static final Outcome GOING_ON = new Outcome(Optional.empty(), Optional.empty());

        static Outcome refused(String reason) {
            return new Outcome(Optional.empty(), Optional.of(reason));
        }
    }

    static final int MAX_OPEN_PER_CONNECTION = 4;
    static final int MAX_OPEN_IN_ALL = 64;
    private final DiagnosticsStore store;
    private final LogVault vault;
    private final Clock clock;
    private final java.util.concurrent.atomic.AtomicInteger open = new java.util.concurrent.atomic.AtomicInteger();

    LogUploads(DiagnosticsStore store, LogVault vault, Clock clock) {
        this.store = store;
        this.vault = vault;
        this.clock = clock;
    }

    Outcome start(LiveSession session, Map<String, Upload> uploads, AgentMessage.LogFile file) {
        String name = file.name == null ? "" : file.name.strip();
        if (file.upload == null || uploads.containsKey(file.upload)) {
            return Outcome.refused("The upload id is missing or already in use.");
        }
        if (name.isEmpty() || name.length() > Limits.MAX_LOG_NAME_CHARS || !name.matches("[^/\\\\\\p{Cntrl}]+")) {
            return Outcome.refused("The file name '" + name + "' is not a plain file name.");
        }
        if (file.size < 0 || file.size > Limits.MAX_LOG_FILE_BYTES) {
            return Outcome.refused(name + " is " + megabytes(file.size) + "; a log file may have at most "
                    + megabytes(Limits.MAX_LOG_FILE_BYTES) + ".");
        }
        long inFlight = uploads.values().stream().mapToLong(u -> u.size).sum();
        if (store.logBytes(session.id) + inFlight + file.size > Limits.MAX_SESSION_LOG_BYTES) {
            return Outcome.refused("The session already holds close to " + megabytes(Limits.MAX_SESSION_LOG_BYTES)
                    + " of log files; " + name + " (" + megabytes(file.size) + ") does not fit.");
        }
        if (file.sha256 == null || !file.sha256.matches("[0-9a-f]{64}")) {
            return Outcome.refused("The checksum of " + name + " is missing or malformed.");
        }
        if (uploads.size() >= MAX_OPEN_PER_CONNECTION) {
            return Outcome.refused(name + " was not taken: at most " + MAX_OPEN_PER_CONNECTION
                    + " files may be uploaded at once; send them one after another.");
        }
        if (open.incrementAndGet() > MAX_OPEN_IN_ALL) {
            open.decrementAndGet();
            return Outcome.refused(name + " was not taken: the server is receiving many files right now. "
                    + "Ask for the log files again in a minute.");
        }
        String fileId = Secrets.id("f");
        try {
            uploads.put(file.upload, new Upload(file.id, fileId, name, file.size, file.sha256,
                    vault.openPart(session.id, fileId)));
        } catch (UncheckedIOException e) {
            open.decrementAndGet();
            return Outcome.refused("The server could not store " + name + ".");
        }
        return Outcome.GOING_ON;
    }

    Outcome chunk(LiveSession session, Map<String, Upload> uploads, AgentMessage.LogChunk chunk) {
        Upload upload = uploads.get(chunk.upload);
        if (upload == null) {
            return Outcome.GOING_ON; // an upload already refused: its remaining chunks are dropped
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(chunk.data == null ? "" : chunk.data);
        } catch (IllegalArgumentException e) {
            return refuse(session, uploads, chunk.upload, "Chunk " + chunk.index + " of " + upload.name + " is not base64.");
        }
        if (chunk.index != upload.nextIndex) {
            return refuse(session, uploads, chunk.upload, "Chunk " + chunk.index + " of " + upload.name
                    + " arrived out of order (expected " + upload.nextIndex + ").");
        }
        CRC32 crc = new CRC32();
        crc.update(bytes);
        if (crc.getValue() != chunk.crc32) {
            return refuse(session, uploads, chunk.upload, "Chunk " + chunk.index + " of " + upload.name
                    + " is corrupt (its CRC-32 does not match).");
        }
        if (bytes.length > Limits.LOG_CHUNK_BYTES || upload.received + bytes.length > upload.size) {
            return refuse(session, uploads, chunk.upload, upload.name + " is longer than the " + upload.size
                    + " bytes it declared.");
        }
        try {
            upload.out.write(bytes);
        } catch (IOException e) {
            return refuse(session, uploads, chunk.upload, "The server could not store " + upload.name + ".");
        }
        upload.digest.update(bytes);
        upload.received += bytes.length;
        upload.nextIndex++;
        return Outcome.GOING_ON;
    }

    Outcome end(LiveSession session, Map<String, Upload> uploads, AgentMessage.LogEnd end) {
        Upload upload = uploads.get(end.upload);
        if (upload == null) {
            return Outcome.GOING_ON;
        }
        if (upload.received != upload.size) {
            return refuse(session, uploads, end.upload, upload.name + " ended after " + upload.received
                    + " of its " + upload.size + " bytes.");
        }
        String actual = HexFormat.of().formatHex(upload.digest.digest());
        if (!actual.equals(upload.sha256)) {
            return refuse(session, uploads, end.upload, upload.name + " arrived damaged (its SHA-256 does not match).");
        }
        uploads.remove(end.upload);
        close(upload);
        try {
            vault.keep(session.id, upload.fileId);
        } catch (UncheckedIOException e) {
            vault.discard(session.id, upload.fileId);
            return Outcome.refused("The server could not store " + upload.name + ".");
        }
        LogFileRecord record = new LogFileRecord(upload.fileId, session.id, upload.name, upload.size, upload.sha256,
                clock.instant());
        store.insertLogFile(record);
        return new Outcome(Optional.of(record), Optional.empty());
    }

    /** The connection is gone: unfinished uploads are thrown away. */
    void abandonAll(LiveSession session, Map<String, Upload> uploads) {
        for (Upload upload : uploads.values()) {
            close(upload);
            vault.discard(session.id, upload.fileId);
        }
        uploads.clear();
    }

    /** The name an upload id stands for, for messages. */
    static String nameOf(Map<String, Upload> uploads, String uploadId) {
        Upload upload = uploads.get(uploadId);
        return upload == null ? uploadId : upload.name;
    }

    private Outcome refuse(LiveSession session, Map<String, Upload> uploads, String uploadId, String reason) {
        Upload upload = uploads.remove(uploadId);
        if (upload != null) {
            close(upload);
            vault.discard(session.id, upload.fileId);
        }
        return Outcome.refused(reason);
    }

    private void close(Upload upload) {
        open.decrementAndGet();
        try {
            if (upload.out != null) {
                upload.out.close();
            }
        } catch (IOException e) {
            // the partial file is discarded or already complete
        }
    }

    /** Uploads open in the whole server (for tests and metrics). */
    int openUploads() {
        return open.get();
    }

    static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1_048_576.0);
    }
}
