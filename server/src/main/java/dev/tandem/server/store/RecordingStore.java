package dev.tandem.server.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.jdbi.v3.core.Jdbi;

/**
 * Session recordings (docs/recording.md): one row per part (what one node recorded of a session) and
 * its chunks of records, in the database so that every node reads what any node wrote. A chunk and the
 * part's byte count change in one transaction, so the storage used is always the sum of the chunks.
 * Thread-safe.
 */
public final class RecordingStore {
    private static final String SELECT = "SELECT id, session_id, node, started_at, ended_at, bytes, incomplete"
            + " FROM session_recordings";
    private final Jdbi jdbi;

    public RecordingStore(Database database) {
        this.jdbi = database.jdbi();
    }

    /** One part of a session's recording; {@code incomplete} null when nothing was left out. */
    public record Part(String id, String sessionId, String node, Instant startedAt, Instant endedAt, long bytes,
                       String incomplete) {
    }

    public void create(String id, String sessionId, String node, Instant startedAt) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO session_recordings (id, session_id, node, started_at)"
                        + " VALUES (:id, :session, :node, :at)")
                .bind("id", id).bind("session", sessionId).bind("node", node).bind("at", startedAt).execute());
    }

    /** Appends chunk {@code seq} of a part and counts its bytes. */
    public void append(String id, int seq, byte[] content, int length) {
        byte[] bytes = length == content.length ? content : java.util.Arrays.copyOf(content, length);
        jdbi.useTransaction(h -> {
            h.createUpdate("INSERT INTO recording_chunks (recording_id, seq, content) VALUES (:id, :seq, :content)")
                    .bind("id", id).bind("seq", seq).bind("content", bytes).execute();
            h.createUpdate("UPDATE session_recordings SET bytes = bytes + :n WHERE id = :id")
                    .bind("n", (long) length).bind("id", id).execute();
        });
    }

    /** The part ended; {@code incomplete} says why something is missing (null: nothing is). */
    public void finish(String id, Instant endedAt, String incomplete) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE session_recordings SET ended_at = :at,"
                        + " incomplete = COALESCE(incomplete, :why) WHERE id = :id")
                .bind("at", endedAt).bind("why", incomplete).bind("id", id).execute());
    }

    /** Marks a part incomplete at once (the recorder fell behind or the limit was reached). */
    public void markIncomplete(String id, String why) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE session_recordings SET incomplete = COALESCE(incomplete, :why)"
                + " WHERE id = :id").bind("why", why).bind("id", id).execute());
    }

    /** A session's parts, oldest first. */
    public List<Part> parts(String sessionId) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE session_id = :s ORDER BY started_at, id")
                .bind("s", sessionId).map((rs, ctx) -> map(rs)).list());
    }

    /** Hands a part's chunks to {@code sink} in order, one at a time (a long recording never sits in memory whole). */
    public void chunks(String id, Consumer<byte[]> sink) {
        int seq = -1;
        while (true) {
            int after = seq;
            List<Chunk> next = jdbi.withHandle(h -> h.createQuery("SELECT seq, content FROM recording_chunks"
                            + " WHERE recording_id = :id AND seq > :after ORDER BY seq")
                    .bind("id", id).bind("after", after).setMaxRows(8)
                    .map((rs, ctx) -> new Chunk(rs.getInt("seq"), rs.getBytes("content"))).list());
            if (next.isEmpty()) {
                return;
            }
            for (Chunk chunk : next) {
                sink.accept(chunk.content());
                seq = chunk.seq();
            }
        }
    }

    private record Chunk(int seq, byte[] content) {
    }

    /** The bytes every recording holds: what counts toward the storage limit. */
    public long usedBytes() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COALESCE(SUM(bytes), 0) FROM session_recordings")
                .mapTo(Long.class).one());
    }

    /** Deletes a session's recording (every part and chunk); returns how many parts went. */
    public int delete(String sessionId) {
        return jdbi.inTransaction(h -> {
            h.createUpdate("DELETE FROM recording_chunks WHERE recording_id IN"
                    + " (SELECT id FROM session_recordings WHERE session_id = :s)").bind("s", sessionId).execute();
            return h.createUpdate("DELETE FROM session_recordings WHERE session_id = :s").bind("s", sessionId)
                    .execute();
        });
    }

    /** Parts still open (no end) written by {@code node}: left by a node that stopped without finishing them. */
    public List<String> unfinished(String node) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM session_recordings WHERE node = :node"
                + " AND ended_at IS NULL").bind("node", node).mapTo(String.class).list());
    }

    private static Part map(ResultSet rs) throws SQLException {
        Timestamp ended = rs.getTimestamp("ended_at");
        return new Part(rs.getString("id"), rs.getString("session_id"), rs.getString("node"),
                rs.getTimestamp("started_at").toInstant(), ended == null ? null : ended.toInstant(),
                rs.getLong("bytes"), rs.getString("incomplete"));
    }
}
