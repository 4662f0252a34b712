package dev.tandem.server.store;

import dev.tandem.server.domain.User;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Console sign-ins and API tokens, by the SHA-256 of the token. Each also has a public id, so it
 * can be listed and revoked without its secret. Thread-safe.
 */
public final class TokenStore {
    private static final String GRANT_COLUMNS = "u.id, u.username, u.display_name, u.role, u.enabled, t.kind,"
            + " t.csrf_token, t.id AS token_id, t.scope, t.verified_at, t.enrolment_only, t.last_used_at";
    private static final String ROW_COLUMNS = "t.id, t.kind, t.name, t.scope, t.created_at, t.expires_at,"
            + " t.last_used_at, t.address, t.user_agent, u.username";
    private final Jdbi jdbi;

    public TokenStore(Database database) {
        this.jdbi = database.jdbi();
    }

    /**
     * A live token: whose it is, its public id, for console sign-ins the CSRF token that goes with
     * it, its scope ({@code full} or {@code read}), when its holder last proved who they are, and
     * whether it may only be used to enrol a second factor.
     */
    public record TokenGrant(User user, String kind, Optional<String> csrfToken, String id, String scope,
                             Instant verifiedAt, boolean enrolmentOnly, Optional<Instant> lastUsedAt) {
        public boolean readOnly() {
            return "read".equals(scope);
        }
    }

    /** What a new token is: its kind, name, scope and where it was made. */
    public record NewToken(String id, long userId, String kind, String name, String scope, String csrfToken,
                           Instant createdAt, Instant expiresAt, String address, String userAgent,
                           boolean enrolmentOnly) {
    }

    /** A token as its owner (or an administrator) sees it in a list: never its secret. */
    public record TokenRow(String id, String kind, String name, String scope, Instant createdAt, Instant expiresAt,
                           Optional<Instant> lastUsedAt, String address, String userAgent, String username) {
    }

    public void insert(String tokenHash, NewToken token) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO auth_tokens (token_hash, id, user_id, kind, name, scope, csrf_token,"
                        + " created_at, expires_at, verified_at, address, user_agent, enrolment_only) VALUES (:hash, :id,"
                        + " :user, :kind, :name, :scope, :csrf, :now, :expires, :now, :address, :agent, :enrolment)")
                .bind("hash", tokenHash).bind("id", token.id()).bind("user", token.userId()).bind("kind", token.kind())
                .bind("name", token.name()).bind("scope", token.scope()).bind("csrf", token.csrfToken())
                .bind("now", token.createdAt()).bind("expires", token.expiresAt()).bind("address", token.address())
                .bind("agent", token.userAgent()).bind("enrolment", token.enrolmentOnly()).execute());
    }

    /** The grant behind a token hash, if it is unexpired and its user is enabled. */
    public Optional<TokenGrant> find(String tokenHash, Instant now) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + GRANT_COLUMNS + " FROM auth_tokens t JOIN users u"
                        + " ON u.id = t.user_id WHERE t.token_hash = :hash AND t.expires_at > :now AND u.enabled = TRUE")
                .bind("hash", tokenHash).bind("now", now)
                .map((rs, ctx) -> new TokenGrant(UserStore.map(rs), rs.getString("kind"),
                        Optional.ofNullable(rs.getString("csrf_token")), rs.getString("token_id"), rs.getString("scope"),
                        instant(rs, "verified_at").orElse(Instant.EPOCH), rs.getBoolean("enrolment_only"),
                        instant(rs, "last_used_at")))
                .findOne());
    }

    /** Notes that a token was used (callers do this at most once a minute per token). */
    public void touch(String tokenId, Instant at) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE auth_tokens SET last_used_at = :at WHERE id = :id")
                .bind("at", at).bind("id", tokenId).execute());
    }

    /** The holder proved who they are again (password, code or passkey) at {@code at}. */
    public void verified(String tokenId, Instant at) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE auth_tokens SET verified_at = :at WHERE id = :id")
                .bind("at", at).bind("id", tokenId).execute());
    }

    /** The user enrolled a second factor: their enrolment-only sign-ins become full ones. */
    public void liftEnrolmentOnly(long userId) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE auth_tokens SET enrolment_only = FALSE WHERE user_id = :user")
                .bind("user", userId).execute());
    }

    /** Unexpired tokens of one kind: of one user, or of everyone when {@code userId} is empty. Newest first. */
    public List<TokenRow> list(String kind, Optional<Long> userId, Instant now) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + ROW_COLUMNS + " FROM auth_tokens t JOIN users u"
                        + " ON u.id = t.user_id WHERE t.kind = :kind AND t.expires_at > :now"
                        + (userId.isPresent() ? " AND t.user_id = :user" : "") + " ORDER BY t.created_at DESC, t.id")
                .bind("kind", kind).bind("now", now).bind("user", userId.orElse(0L))
                .map((rs, ctx) -> new TokenRow(rs.getString("id"), rs.getString("kind"), rs.getString("name"),
                        rs.getString("scope"), instant(rs, "created_at").orElseThrow(),
                        instant(rs, "expires_at").orElseThrow(), instant(rs, "last_used_at"), rs.getString("address"),
                        rs.getString("user_agent"), rs.getString("username")))
                .list());
    }

    /** The owner of a token id, if the token exists. */
    public Optional<Long> ownerOf(String tokenId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT user_id FROM auth_tokens WHERE id = :id")
                .bind("id", tokenId).mapTo(Long.class).findOne());
    }

    /** Deletes a token by its public id; the hash is returned so callers can forget cached grants. */
    public Optional<String> deleteById(String tokenId) {
        return jdbi.inTransaction(h -> {
            Optional<String> hash = h.createQuery("SELECT token_hash FROM auth_tokens WHERE id = :id")
                    .bind("id", tokenId).mapTo(String.class).findOne();
            hash.ifPresent(x -> h.createUpdate("DELETE FROM auth_tokens WHERE id = :id").bind("id", tokenId).execute());
            return hash;
        });
    }

    public void delete(String tokenHash) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM auth_tokens WHERE token_hash = :hash")
                .bind("hash", tokenHash).execute());
    }

    /** Removes every sign-in and API token of a user. */
    public void deleteForUser(long userId) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM auth_tokens WHERE user_id = :user").bind("user", userId).execute());
    }

    /** Removes every token of a user except one (a password change keeps the session it came from). */
    public void deleteForUserExcept(long userId, String keptTokenId) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM auth_tokens WHERE user_id = :user AND id <> :kept")
                .bind("user", userId).bind("kept", keptTokenId).execute());
    }

    /** Removes every token of one kind of a user (sign out of every console). */
    public void deleteKindForUser(long userId, String kind) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM auth_tokens WHERE user_id = :user AND kind = :kind")
                .bind("user", userId).bind("kind", kind).execute());
    }

    public void deleteExpired(Instant now) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM auth_tokens WHERE expires_at <= :now").bind("now", now).execute());
    }

    static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return Optional.ofNullable(at).map(Timestamp::toInstant);
    }
}
