package dev.tandem.server.store;

import dev.tandem.server.domain.User;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Console sign-ins and API tokens, by the SHA-256 of the token. Thread-safe. */
public final class TokenStore {
    private final Jdbi jdbi;

    public TokenStore(Database database) {
        this.jdbi = database.jdbi();
    }

    /** A live token: whose it is and, for console sign-ins, the CSRF token that goes with it. */
    public record TokenGrant(User user, String kind, Optional<String> csrfToken) {
    }

    public void insert(String tokenHash, long userId, String kind, String csrfToken, Instant expiresAt) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO auth_tokens (token_hash, user_id, kind, csrf_token, created_at,"
                        + " expires_at) VALUES (:hash, :user, :kind, :csrf, :now, :expires)")
                .bind("hash", tokenHash).bind("user", userId).bind("kind", kind).bind("csrf", csrfToken)
                .bind("now", Instant.now()).bind("expires", expiresAt).execute());
    }

    /** The grant behind a token hash, if it is unexpired and its user is enabled. */
    public Optional<TokenGrant> find(String tokenHash, Instant now) {
        return jdbi.withHandle(h -> h.createQuery("SELECT u.id, u.username, u.display_name, u.role, u.enabled, t.kind,"
                        + " t.csrf_token FROM auth_tokens t JOIN users u ON u.id = t.user_id"
                        + " WHERE t.token_hash = :hash AND t.expires_at > :now AND u.enabled = TRUE")
                .bind("hash", tokenHash).bind("now", now)
                .map((rs, ctx) -> new TokenGrant(UserStore.map(rs), rs.getString("kind"),
                        Optional.ofNullable(rs.getString("csrf_token"))))
                .findOne());
    }

    public void delete(String tokenHash) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM auth_tokens WHERE token_hash = :hash")
                .bind("hash", tokenHash).execute());
    }

    /** Removes every sign-in and API token of a user. */
    public void deleteForUser(long userId) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM auth_tokens WHERE user_id = :user").bind("user", userId).execute());
    }

    public void deleteExpired(Instant now) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM auth_tokens WHERE expires_at <= :now").bind("now", now).execute());
    }
}
