package dev.tandem.server.store;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where uploaded log files live on disk: {@code <data>/logs/<session>/<file id>}. An upload is
 * written to a {@code .part} file first and moved into place only when it is complete and verified,
 * so a file that exists is a whole file. Thread-safe (distinct ids never share a path).
 */
public final class LogVault {
    private final Path root;

    public LogVault(Path dataDir) {
        this.root = dataDir.resolve("logs");
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
            Files.move(dir.resolve(fileId + ".part"), dir.resolve(fileId), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store log file " + fileId, e);
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

    /** The stored bytes of a file. */
    public byte[] read(String sessionId, String fileId) {
        try {
            return Files.readAllBytes(dir(sessionId).resolve(fileId));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read log file " + fileId, e);
        }
    }

    /** Removes every stored file of a session (retention); false when some could not be removed. */
    public boolean deleteSession(String sessionId) {
        Path dir = dir(sessionId);
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
