package dev.tandem.server.store;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The idempotency keys of technicians' messages ({@code message_keys}): which {@code seq} a key's
 * line took. In the database, not in a node's memory, because the retry that needs it may reach
 * another node after the owner died between storing the line and answering. Thread-safe.
 */
public final class MessageKeyStore {
    /** Keys are printable ASCII, as HTTP headers are, and at most this long. */
    public static final int MAX_KEY_CHARS = 200;
    private final Jdbi jdbi;

    MessageKeyStore(Database database) {
        this.jdbi = database.jdbi();
    }

    /** The seq the line of {@code key} took (or was to take) in session {@code sessionId}. */
    public Optional<Long> seqOf(String sessionId, String key) {
        return jdbi.withHandle(h -> h.createQuery("SELECT seq FROM message_keys WHERE session_id = :s AND idem_key = :k")
                .bind("s", sessionId).bind("k", key).mapTo(Long.class).findOne());
    }

    /** Writes down that {@code key}'s line takes {@code seq}, replacing a reservation whose line was never stored. */
    public void remember(String sessionId, String key, long seq, Instant at) {
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM message_keys WHERE session_id = :s AND idem_key = :k")
                    .bind("s", sessionId).bind("k", key).execute();
            h.createUpdate("INSERT INTO message_keys (session_id, idem_key, seq, created_at) VALUES (:s, :k, :seq, :at)")
                    .bind("s", sessionId).bind("k", key).bind("seq", seq).bind("at", at).execute();
        });
    }

    /** Forgets the keys written before {@code cutOff}; returns how many. */
    public int forgetBefore(Instant cutOff) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM message_keys WHERE created_at < :cut")
                .bind("cut", cutOff).execute());
    }
}
