package dev.tandem.server.auth;

import dev.tandem.server.LogText;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.tandem.server.Rejection;
import dev.tandem.server.net.ClientAddress;
import dev.tandem.server.domain.Role;
import dev.tandem.server.domain.User;
import dev.tandem.server.store.TokenStore;
import dev.tandem.server.store.TokenStore.TokenGrant;
import dev.tandem.server.store.UserStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sign-in, console sessions and API tokens. Failed sign-ins are limited per address, per account
 * and address, and per account from anywhere ({@link SignInLimits}); a refusal answers at once
 * with 429 and {@code Retry-After}, never by holding the request's thread. Thread-safe.
 */
public final class Accounts {
    public static final String WEB = "web";
    public static final String API = "api";
    private static final Logger LOG = LoggerFactory.getLogger(Accounts.class);
    private static final Duration WEB_LIFETIME = Duration.ofHours(12);
    private static final Duration API_LIFETIME = Duration.ofDays(30);
    private static final Duration GRANT_MEMORY = Duration.ofSeconds(10);
    private final Cache<String, TokenGrant> recentGrants;

    private final UserStore users;
    private final TokenStore tokens;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final SignInLimits limits;
    private final String dummyHash;

    public Accounts(UserStore users, TokenStore tokens, PasswordHasher hasher, Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.hasher = hasher;
        this.clock = clock;
        this.limits = new SignInLimits(clock);
        this.recentGrants = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(GRANT_MEMORY)
                .ticker(() -> clock.millis() * 1_000_000L).executor(Runnable::run).build();
        this.dummyHash = hasher.hash(Secrets.password());
    }

    /** A console sign-in: the cookie token and the CSRF token that must accompany changes. */
    public record ConsoleSignIn(User user, String token, String csrfToken, Instant expiresAt) {
    }

    /** Checks a password, or refuses with 401 (wrong) or 429 (too many failures; says when to retry). */
    public User signIn(String username, String password, ClientAddress client) {
        try {
            limits.check(username, client);
        } catch (Rejection refused) {
            LOG.warn("Sign-in refused for user '{}' from {}: {}", LogText.escape(username), client,
                    LogText.escape(refused.getMessage()));
            throw refused;
        }
        Optional<User> user = users.findByUsername(username).filter(User::enabled);
        String hash = user.flatMap(u -> users.passwordHash(u.id())).orElse(dummyHash);
        boolean matches = hasher.verify(password, hash);
        if (user.isEmpty() || !matches) {
            limits.failed(username, client);
            LOG.info("Failed sign-in for user '{}' from {}", LogText.escape(username), client);
            throw Rejection.of(Rejection.Kind.UNAUTHENTICATED, "invalid_credentials",
                    "Wrong user name or password.");
        }
        limits.succeeded(username, client);
        return user.get();
    }

    public ConsoleSignIn openConsoleSession(User user) {
        String token = Secrets.token(32);
        String csrf = Secrets.token(24);
        Instant expires = clock.instant().plus(WEB_LIFETIME);
        tokens.insert(Secrets.sha256(token), user.id(), WEB, csrf, expires);
        return new ConsoleSignIn(user, token, csrf, expires);
    }

    public String issueApiToken(User user) {
        String token = Secrets.token(32);
        tokens.insert(Secrets.sha256(token), user.id(), API, null, clock.instant().plus(API_LIFETIME));
        return token;
    }

    /**
     * Who a cookie or bearer token belongs to; empty for unknown, expired or disabled. Answers are
     * remembered for a few seconds (every API call needs one); {@link #forgetUser} and
     * {@link #signOut} drop them at once, so disabling a user takes effect immediately.
     */
    public Optional<TokenGrant> resolve(String token) {
        if (token == null || token.isEmpty() || token.length() > 200) {
            return Optional.empty();
        }
        String hash = Secrets.sha256(token);
        Instant now = clock.instant();
        TokenGrant remembered = recentGrants.getIfPresent(hash);
        if (remembered != null) {
            return Optional.of(remembered);
        }
        Optional<TokenGrant> grant = tokens.find(hash, now);
        if (grant.isPresent()) {
            recentGrants.put(hash, grant.get());
        } else {
            recentGrants.invalidate(hash);
        }
        return grant;
    }

    public void signOut(String token) {
        String hash = Secrets.sha256(token);
        recentGrants.invalidate(hash);
        tokens.delete(hash);
    }

    /** Drops every remembered grant of a user (disabled, role changed, password reset). */
    public void forgetUser(long userId) {
        recentGrants.asMap().values().removeIf(g -> g.user().id() == userId);
    }

    /**
     * Signs a user out everywhere: every console sign-in and API token is deleted, so nothing they
     * held works again, not even after the account is enabled again or the password reset.
     */
    public void signOutEverywhere(long userId) {
        tokens.deleteForUser(userId);
        forgetUser(userId);
    }

    public User createUser(String username, String displayName, Role role, String password) {
        return users.create(username, displayName, role, hasher.hash(password));
    }

    /**
     * Creates the administrator {@code admin} on first start. Returns the generated password when
     * none was given, so the caller can print it once.
     */
    public Optional<String> ensureAdministrator(Optional<String> password) {
        if (!users.isEmpty()) {
            return Optional.empty();
        }
        String chosen = password.filter(p -> !p.isBlank()).orElseGet(Secrets::password);
        createUser("admin", "Administrator", Role.ADMIN, chosen);
        return password.filter(p -> !p.isBlank()).isPresent() ? Optional.empty() : Optional.of(chosen);
    }
}
