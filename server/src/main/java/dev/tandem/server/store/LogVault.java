package dev.tandem.server.store;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.jdbi.v3.core.Jdbi;

/**
 * Where uploaded log files live on disk: {@code <data>/logs/<session>/<file id>}. An upload is
 * written to a {@code .part} file first and moved into place only when it is complete and verified,
 * so a file that exists is a whole file. As one node of several ({@link #sharedThrough}) a kept file
 * moves into the database instead, so that a download reaching any node finds it, and the retention
 * sweep, which runs on one node, removes it wherever it arrived. Thread-safe (distinct ids never share
 * a path).
 */
public final class LogVault {
    private final Path root;
    /** With several nodes, where kept files are copied; null when the server runs alone. */
    private final Jdbi copies;

    public LogVault(Path dataDir) {
        this(dataDir, null);
    }

    private LogVault(Path dataDir, Jdbi copies) {
        this.root = dataDir.resolve("logs");
        this.copies = copies;
    }

    /** A vault of one node of several: kept files are copied into {@code database} for the other nodes. */
    public static LogVault sharedThrough(Path dataDir, Database database) {
        return new LogVault(dataDir, database.jdbi());
    }

    /** Opens the partial file of an upload in progress. */
    public OutputStream openPart(String sessionId, String fileId) {
        try {
            Path dir = dir(sessionId);
            PrivateFiles.directory(dir);
            return PrivateFiles.newFile(dir.resolve(fileId + ".part"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write log files under " + root, e);
        }
    }

    /** The verified upload becomes the stored file. */
    public void keep(String sessionId, String fileId) {
        try {
            Path dir = dir(sessionId);
            if (copies != null) {
                Path part = dir.resolve(fileId + ".part");
                byte[] content = Files.readAllBytes(part);
                copies.useHandle(h -> h.createUpdate("INSERT INTO log_file_copies (file_id, session_id, content)"
                        + " VALUES (:f, :s, :c)").bind("f", fileId).bind("s", sessionId).bind("c", content).execute());
                Files.delete(part);
                return;
            }
            Files.move(dir.resolve(fileId + ".part"), dir.resolve(fileId), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store log file " + fileId, e);
        } catch (RuntimeException e) {
            // The database refused the copy (away, or full): the upload is refused like a full disk.
            throw new UncheckedIOException("Cannot store log file " + fileId + " in the database", new IOException(e));
        }
    }

    /** Forgets a refused or abandoned upload. */
    public void discard(String sessionId, String fileId) {
        try {
            Files.deleteIfExists(dir(sessionId).resolve(fileId + ".part"));
        } catch (IOException e) {
            // Nothing refers to it; a later cleanup may remove it.
        }
    }

    /** The stored bytes of a file: from this node's disk, or with several nodes from the database. */
    public byte[] read(String sessionId, String fileId) {
        Path file = dir(sessionId).resolve(fileId);
        try {
            if (copies != null && !Files.exists(file)) {
                return copies.withHandle(h -> h.createQuery("SELECT content FROM log_file_copies WHERE file_id = :f"
                        + " AND session_id = :s").bind("f", fileId).bind("s", sessionId).mapTo(byte[].class).findOne())
                        .orElseThrow(() -> new IOException("no copy of log file " + fileId + " in the database"));
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read log file " + fileId, e);
        }
    }

    /** Removes every stored file of a session (retention); false when some could not be removed. */
    public boolean deleteSession(String sessionId) {
        Path dir = dir(sessionId);
        if (copies != null) {
            copies.useHandle(h -> h.createUpdate("DELETE FROM log_file_copies WHERE session_id = :s")
                    .bind("s", sessionId).execute());
        }
        if (!Files.isDirectory(dir)) {
            return true;
        }
        boolean all = true;
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    all = false;
                }
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            all = false;
        }
        return all;
    }

    private Path dir(String sessionId) {
        if (!sessionId.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("Not a session id: " + sessionId);
        }
        return root.resolve(sessionId);
    }
}
