package dev.tandem.server.files;

import dev.tandem.server.files.SessionFile.Direction;
import dev.tandem.server.files.SessionFile.Status;
import dev.tandem.server.store.Database;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The files of the sessions and their pieces, in the database on every node (tables
 * {@code session_files} and {@code session_file_pieces}, V96). A piece is added only as the next one
 * ({@code received} moves in the same transaction, on a condition), so two connections of the same
 * phone, or two nodes, never store a piece twice or out of order. Thread-safe.
 */
public final class FileStore {
    private final Jdbi jdbi;

    public FileStore(Database database) {
        this.jdbi = database.jdbi();
    }

    public void insert(SessionFile file) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO session_files (id, session_id, direction, status, name, size,"
                        + " sha256, received, technician, created_at) VALUES (:id, :s, :dir, :status, :name, :size, :sha, 0,"
                        + " :tech, :at)")
                .bind("id", file.id()).bind("s", file.sessionId()).bind("dir", file.direction().name())
                .bind("status", file.status().name()).bind("name", file.name()).bind("size", file.size())
                .bind("sha", file.sha256()).bind("tech", file.technician()).bind("at", Timestamp.from(file.createdAt()))
                .execute());
    }

    public Optional<SessionFile> find(String sessionId, String fileId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM session_files WHERE id = :id AND session_id = :s")
                .bind("id", fileId).bind("s", sessionId).map((rs, ctx) -> file(rs)).findOne());
    }

    /** A session's files, oldest first. */
    public List<SessionFile> of(String sessionId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM session_files WHERE session_id = :s"
                        + " ORDER BY created_at, id")
                .bind("s", sessionId).map((rs, ctx) -> file(rs)).list());
    }

    /** The bytes a session's files hold or were declared with, declined ones apart (the limit per session). */
    public long bytes(String sessionId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COALESCE(SUM(size), 0) FROM session_files"
                        + " WHERE session_id = :s AND status <> 'DECLINED'")
                .bind("s", sessionId).mapTo(Long.class).one());
    }

    /** Moves a file from one of {@code from} to {@code to}; false when it was in none of them (someone else moved it). */
    public boolean move(String fileId, List<Status> from, Status to, Instant finishedAt) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE session_files SET status = :to, finished_at = :at"
                        + " WHERE id = :id AND status IN (<from>)")
                .bind("to", to.name()).bind("at", finishedAt == null ? null : Timestamp.from(finishedAt))
                .bind("id", fileId).bindList("from", from.stream().map(Status::name).toList()).execute()) == 1;
    }

    /**
     * The customer's picked file for a request: its name, size and SHA-256. A file declared again with
     * the same SHA-256 keeps its pieces (the upload goes on); another one starts from nothing.
     */
    public void declare(String fileId, String name, long size, String sha256) {
        jdbi.useTransaction(h -> {
            String before = h.createQuery("SELECT sha256 FROM session_files WHERE id = :id").bind("id", fileId)
                    .mapTo(String.class).findOne().orElse(null);
            if (!sha256.equals(before)) {
                h.createUpdate("DELETE FROM session_file_pieces WHERE file_id = :id").bind("id", fileId).execute();
                h.createUpdate("UPDATE session_files SET received = 0 WHERE id = :id").bind("id", fileId).execute();
            }
            h.createUpdate("UPDATE session_files SET name = :name, size = :size, sha256 = :sha, status = 'UPLOADING'"
                            + " WHERE id = :id")
                    .bind("name", name).bind("size", size).bind("sha", sha256).bind("id", fileId).execute();
        });
    }

    /**
     * Stores {@code bytes} as piece {@code index} when it is the next one (the file holds exactly
     * {@code index} pieces); false otherwise, and nothing changes.
     */
    public boolean addPiece(String fileId, long index, byte[] bytes) {
        return jdbi.inTransaction(h -> {
            int moved = h.createUpdate("UPDATE session_files SET received = received + :n"
                            + " WHERE id = :id AND received = :at")
                    .bind("n", bytes.length).bind("id", fileId).bind("at", index * FilePieces.PIECE_BYTES).execute();
            if (moved != 1) {
                return false;
            }
            h.createUpdate("INSERT INTO session_file_pieces (file_id, idx, content) VALUES (:id, :idx, :c)")
                    .bind("id", fileId).bind("idx", index).bind("c", bytes).execute();
            return true;
        });
    }

    public Optional<byte[]> piece(String fileId, long index) {
        return jdbi.withHandle(h -> h.createQuery("SELECT content FROM session_file_pieces WHERE file_id = :id"
                + " AND idx = :idx").bind("id", fileId).bind("idx", index).mapTo(byte[].class).findOne());
    }

    /** Writes the stored pieces in order to {@code out}, one at a time (a file is never whole in memory). */
    public void copy(String fileId, long pieces, OutputStream out) {
        try {
            for (long index = 0; index < pieces; index++) {
                out.write(piece(fileId, index).orElseThrow(() -> new IOException("a piece of the file is missing")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The SHA-256 of the stored pieces, in lower-case hex. */
    public String sha256(String fileId, long pieces) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        MessageDigest sink = digest;
        copy(fileId, pieces, new OutputStream() {
            @Override
            public void write(int b) {
                sink.update((byte) b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                sink.update(b, off, len);
            }
        });
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Forgets the pieces of a file that arrived damaged: its upload starts again from nothing. */
    public void reset(String fileId) {
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM session_file_pieces WHERE file_id = :id").bind("id", fileId).execute();
            h.createUpdate("UPDATE session_files SET received = 0, sha256 = NULL, status = 'REQUESTED' WHERE id = :id")
                    .bind("id", fileId).execute();
        });
    }

    /** Removes every file of a session (retention); how many there were. */
    public int deleteSession(String sessionId) {
        return jdbi.inTransaction(h -> {
            h.createUpdate("DELETE FROM session_file_pieces WHERE file_id IN"
                    + " (SELECT id FROM session_files WHERE session_id = :s)").bind("s", sessionId).execute();
            return h.createUpdate("DELETE FROM session_files WHERE session_id = :s").bind("s", sessionId).execute();
        });
    }

    private static SessionFile file(ResultSet rs) throws SQLException {
        long size = rs.getLong("size");
        Long declared = rs.wasNull() ? null : size;
        Timestamp finished = rs.getTimestamp("finished_at");
        return new SessionFile(rs.getString("id"), rs.getString("session_id"), Direction.valueOf(rs.getString("direction")),
                Status.valueOf(rs.getString("status")), rs.getString("name"), declared, rs.getString("sha256"),
                rs.getLong("received"), rs.getString("technician"), rs.getTimestamp("created_at").toInstant(),
                finished == null ? null : finished.toInstant());
    }
}
