package dev.tandem.server.store;

import dev.tandem.server.domain.Role;
import dev.tandem.server.domain.User;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Users and their password hashes. Thread-safe. */
public final class UserStore {
    private static final String COLUMNS = "id, username, display_name, role, enabled";
    private final Jdbi jdbi;

    public UserStore(Database database) {
        this.jdbi = database.jdbi();
    }

    public User create(String username, String displayName, Role role, String passwordHash) {
        long id = jdbi.withHandle(h -> h.createUpdate("INSERT INTO users (username, display_name, role, password_hash,"
                        + " enabled, created_at) VALUES (:username, :displayName, :role, :hash, TRUE, :now)")
                .bind("username", username).bind("displayName", displayName).bind("role", role.wireName())
                .bind("hash", passwordHash).bind("now", Instant.now())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        return new User(id, username, displayName, role, true);
    }

    public Optional<User> findByUsername(String username) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM users WHERE username = :u")
                .bind("u", username).map((rs, ctx) -> map(rs)).findOne());
    }

    public Optional<User> findById(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM users WHERE id = :id")
                .bind("id", id).map((rs, ctx) -> map(rs)).findOne());
    }

    public Optional<String> passwordHash(long userId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT password_hash FROM users WHERE id = :id")
                .bind("id", userId).mapTo(String.class).findOne());
    }

    public List<User> list() {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM users ORDER BY username")
                .map((rs, ctx) -> map(rs)).list());
    }

    public void update(User user) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE users SET display_name = :d, role = :r, enabled = :e WHERE id = :id")
                .bind("d", user.displayName()).bind("r", user.role().wireName()).bind("e", user.enabled())
                .bind("id", user.id()).execute());
    }

    public void updatePassword(long userId, String passwordHash) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE users SET password_hash = :h WHERE id = :id")
                .bind("h", passwordHash).bind("id", userId).execute());
    }

    /** The user whose identity-provider account is {@code subject} ("issuer sub"), if any. */
    public Optional<User> findBySsoSubject(String subject) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM users WHERE sso_subject = :s")
                .bind("s", subject).map((rs, ctx) -> map(rs)).findOne());
    }

    /** Users with this email address (compared without case); more than one means it cannot pick one. */
    public List<User> findByEmail(String email) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM users WHERE LOWER(email) = :e")
                .bind("e", email.toLowerCase(java.util.Locale.ROOT)).map((rs, ctx) -> map(rs)).list());
    }

    public Optional<String> email(long userId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT email FROM users WHERE id = :id")
                .bind("id", userId).mapTo(String.class).findOne());
    }

    /** Sets (or with null clears) a user's email address. */
    public void updateEmail(long userId, String email) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE users SET email = :e WHERE id = :id")
                .bind("e", email).bind("id", userId).execute());
    }

    /** Links a user to an identity-provider account; later sign-ins find them by it. */
    public void linkSso(long userId, String subject) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE users SET sso_subject = :s WHERE id = :id")
                .bind("s", subject).bind("id", userId).execute());
    }

    public Optional<String> passkeyHandle(long userId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT passkey_handle FROM users WHERE id = :id")
                .bind("id", userId).mapTo(String.class).findOne());
    }

    /** Sets the WebAuthn user handle once; the handle in force afterwards is returned. */
    public String ensurePasskeyHandle(long userId, String candidate) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE users SET passkey_handle = :p WHERE id = :id AND passkey_handle IS NULL")
                .bind("p", candidate).bind("id", userId).execute());
        return passkeyHandle(userId).orElseThrow();
    }

    public Optional<User> findByPasskeyHandle(String handle) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM users WHERE passkey_handle = :p")
                .bind("p", handle).map((rs, ctx) -> map(rs)).findOne());
    }

    public boolean isEmpty() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM users").mapTo(Long.class).one()) == 0;
    }

    static User map(ResultSet rs) throws SQLException {
        return new User(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                Role.fromWire(rs.getString("role")).orElse(Role.TECHNICIAN), rs.getBoolean("enabled"));
    }
}
