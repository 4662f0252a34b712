package dev.tandem.server.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** WebAuthn credentials (passkeys) of users. Thread-safe. */
public final class PasskeyStore {
    private static final String COLUMNS = "id, user_id, credential_id, credential_data, sign_count, name, created_at,"
            + " last_used_at";
    private final Jdbi jdbi;

    public PasskeyStore(Database database) {
        this.jdbi = database.jdbi();
    }

    /** A stored passkey: {@code credentialId} is base64url, {@code data} the attested credential data. */
    public record StoredPasskey(String id, long userId, String credentialId, byte[] data, long signCount, String name,
                                Instant createdAt, Optional<Instant> lastUsedAt) {
    }

    public void insert(StoredPasskey passkey) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO passkeys (" + COLUMNS + ") VALUES (:id, :user, :cred, :data,"
                        + " :count, :name, :created, NULL)")
                .bind("id", passkey.id()).bind("user", passkey.userId()).bind("cred", passkey.credentialId())
                .bind("data", passkey.data()).bind("count", passkey.signCount()).bind("name", passkey.name())
                .bind("created", passkey.createdAt()).execute());
    }

    public Optional<StoredPasskey> byCredentialId(String credentialId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM passkeys WHERE credential_id = :c")
                .bind("c", credentialId).map((rs, ctx) -> map(rs)).findOne());
    }

    public List<StoredPasskey> forUser(long userId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM passkeys WHERE user_id = :u"
                        + " ORDER BY created_at, id")
                .bind("u", userId).map((rs, ctx) -> map(rs)).list());
    }

    public int count(long userId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM passkeys WHERE user_id = :u")
                .bind("u", userId).mapTo(Integer.class).one());
    }

    /**
     * Records a use with the authenticator's new signature counter; false when another use with a
     * counter at least as high was recorded first (a cloned authenticator or a replay).
     */
    public boolean used(String id, long previousCount, long newCount, Instant at) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE passkeys SET sign_count = :count, last_used_at = :at"
                        + " WHERE id = :id AND sign_count = :previous")
                .bind("count", newCount).bind("at", at).bind("id", id).bind("previous", previousCount).execute()) == 1;
    }

    public boolean delete(String id, long userId) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM passkeys WHERE id = :id AND user_id = :u")
                .bind("id", id).bind("u", userId).execute()) == 1;
    }

    public int deleteForUser(long userId) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM passkeys WHERE user_id = :u").bind("u", userId).execute());
    }

    private static StoredPasskey map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new StoredPasskey(rs.getString("id"), rs.getLong("user_id"), rs.getString("credential_id"),
                rs.getBytes("credential_data"), rs.getLong("sign_count"), rs.getString("name"),
                rs.getTimestamp("created_at").toInstant(), TokenStore.instant(rs, "last_used_at"));
    }
}
