package dev.tandem.server.store;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Sign-in steps in flight (a passkey challenge, a single sign-on round trip), each taken once:
 * {@link #take} deletes the row it returns, so a replayed step finds nothing. Thread-safe.
 */
public final class SignInFlowStore {
    private final Jdbi jdbi;

    public SignInFlowStore(Database database) {
        this.jdbi = database.jdbi();
    }

    /** A step in flight: who it is for (if known yet) and its data (JSON). */
    public record Flow(Optional<Long> userId, String data) {
    }

    public void insert(String id, String kind, Long userId, String data, Instant expiresAt) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO sign_in_flows (id, kind, user_id, data, expires_at)"
                        + " VALUES (:id, :kind, :user, :data, :expires)")
                .bind("id", id).bind("kind", kind).bind("user", userId).bind("data", data).bind("expires", expiresAt)
                .execute());
    }

    /** The flow, removed so it cannot be used again; empty when unknown, of another kind or expired. */
    public Optional<Flow> take(String id, String kind, Instant now) {
        return jdbi.inTransaction(h -> {
            Optional<Flow> flow = h.createQuery("SELECT user_id, data FROM sign_in_flows WHERE id = :id AND kind = :kind"
                            + " AND expires_at > :now")
                    .bind("id", id).bind("kind", kind).bind("now", now)
                    .map((rs, ctx) -> new Flow(Optional.ofNullable((Long) rs.getObject("user_id", Long.class)),
                            rs.getString("data")))
                    .findOne();
            int deleted = h.createUpdate("DELETE FROM sign_in_flows WHERE id = :id AND kind = :kind").bind("id", id)
                    .bind("kind", kind).execute();
            return deleted == 1 ? flow : Optional.empty();
        });
    }

    public void deleteExpired(Instant now) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM sign_in_flows WHERE expires_at <= :now").bind("now", now).execute());
    }
}
