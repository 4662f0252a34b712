package dev.tandem.server.store;

import dev.tandem.server.domain.Sender;
import dev.tandem.server.domain.TranscriptEntry;
import dev.tandem.server.i18n.Phrase;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Session transcripts. Thread-safe; the caller hands out {@code seq} numbers. */
public final class MessageStore {
    private final Jdbi jdbi;
    private final TranscriptWriter writer;
    private final MessageKeyStore keys;

    public MessageStore(Database database) {
        this.jdbi = database.jdbi();
        this.writer = database.closing(new TranscriptWriter(database));
        this.keys = new MessageKeyStore(database);
    }

    /** The idempotency keys of technicians' messages, which belong with the transcript. */
    public MessageKeyStore keys() {
        return keys;
    }

    /** The entry {@code seq} of a transcript, if it is stored. */
    public Optional<TranscriptEntry> find(String sessionId, long seq) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM messages WHERE session_id = :s AND seq = :seq")
                .bind("s", sessionId).bind("seq", seq).map((rs, ctx) -> map(rs)).findOne());
    }

    /**
     * Stores {@code entry} and returns once it is on disk, so that it may be acknowledged. When this
     * throws, the entry may or may not be stored: the caller must not hand its {@code seq} out again
     * without reading the store.
     */
    public void appendDurably(TranscriptEntry entry, Long cseq) {
        writer.append(entry, cseq, 0);
    }

    /**
     * As {@link #appendDurably(TranscriptEntry, Long)} for a node of a cluster: written only while the
     * session still has the owner epoch {@code epoch} (0: not fenced), else
     * {@link SessionTakenOverException} and nothing is written.
     */
    public void appendDurably(TranscriptEntry entry, Long cseq, long epoch) {
        writer.append(entry, cseq, epoch);
    }

    public void append(Handle h, TranscriptEntry entry, Long cseq) {
        StoredLine.of(entry, cseq).bindTo(h.createUpdate(StoredLine.INSERT)).execute();
    }

    /** The transcript after {@code afterSeq}, in order. */
    public List<TranscriptEntry> listAfter(String sessionId, long afterSeq) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM messages WHERE session_id = :s AND seq > :after"
                        + " ORDER BY seq")
                .bind("s", sessionId).bind("after", afterSeq).map((rs, ctx) -> map(rs)).list());
    }

    public long maxSeq(String sessionId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COALESCE(MAX(seq), 0) FROM messages WHERE session_id = :s")
                .bind("s", sessionId).mapTo(Long.class).one());
    }

    public long maxCseq(String sessionId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COALESCE(MAX(cseq), 0) FROM messages WHERE session_id = :s")
                .bind("s", sessionId).mapTo(Long.class).one());
    }

    /** The seq under which the customer's message {@code cseq} was stored. */
    public Optional<Long> seqOfCustomerMessage(String sessionId, long cseq) {
        return jdbi.withHandle(h -> h.createQuery("SELECT seq FROM messages WHERE session_id = :s AND cseq = :c")
                .bind("s", sessionId).bind("c", cseq).mapTo(Long.class).findOne());
    }

    private static TranscriptEntry map(ResultSet rs) throws SQLException {
        return new TranscriptEntry(rs.getString("session_id"), rs.getLong("seq"), Sender.fromWire(rs.getString("sender")),
                rs.getString("name"), rs.getString("body"), rs.getTimestamp("at").toInstant(),
                Phrase.fromStored(rs.getString("event_key"), rs.getString("event_params")));
    }
}
