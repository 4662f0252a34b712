package dev.tandem.server.auth;

import dev.tandem.server.LogText;
import dev.tandem.server.Rejection;
import dev.tandem.server.domain.Role;
import dev.tandem.server.domain.User;
import dev.tandem.server.store.TokenStore;
import dev.tandem.server.store.TokenStore.TokenGrant;
import dev.tandem.server.store.UserStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sign-in, console sessions and API tokens. Repeated failures for one user name from one address
 * are slowed down (from the 4th) and refused with 429 (from the 10th, for 15 minutes); one address
 * failing for many names is refused from the 30th. Thread-safe.
 */
public final class Accounts {
    public static final String WEB = "web";
    public static final String API = "api";
    private static final Logger LOG = LoggerFactory.getLogger(Accounts.class);
    private static final Duration WEB_LIFETIME = Duration.ofHours(12);
    private static final Duration API_LIFETIME = Duration.ofDays(30);
    private static final int SLOW_AFTER = 3;
    private static final Duration GRANT_MEMORY = Duration.ofSeconds(10);
    private final Map<String, RememberedGrant> recentGrants = new ConcurrentHashMap<>();

    private final UserStore users;
    private final TokenStore tokens;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final AttemptLimiter perUser;
    private final AttemptLimiter perAddress;
    private final String dummyHash;

    public Accounts(UserStore users, TokenStore tokens, PasswordHasher hasher, Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.hasher = hasher;
        this.clock = clock;
        this.perUser = new AttemptLimiter(10, Duration.ofMinutes(15), clock);
        this.perAddress = new AttemptLimiter(30, Duration.ofMinutes(15), clock);
        this.dummyHash = hasher.hash(Secrets.password());
    }

    /** A console sign-in: the cookie token and the CSRF token that must accompany changes. */
    public record ConsoleSignIn(User user, String token, String csrfToken, Instant expiresAt) {
    }

    /** Checks a password, or refuses with 401 (wrong) or 429 (too many failures). */
    public User signIn(String username, String password, String clientAddress) {
        String userKey = clientAddress + "|" + username;
        if (perUser.isBlocked(userKey) || perAddress.isBlocked(clientAddress)) {
            LOG.warn("Sign-in refused: too many failures for user '{}' from {}", LogText.escape(username), LogText.escape(clientAddress));
            throw Rejection.of(Rejection.Kind.RATE_LIMITED, "too_many_attempts",
                    "Too many failed sign-ins. Wait 15 minutes and try again, or ask an administrator to reset your password.");
        }
        slowDown(perUser.failures(userKey));
        Optional<User> user = users.findByUsername(username).filter(User::enabled);
        String hash = user.flatMap(u -> users.passwordHash(u.id())).orElse(dummyHash);
        boolean matches = hasher.verify(password, hash);
        if (user.isEmpty() || !matches) {
            perUser.recordFailure(userKey);
            perAddress.recordFailure(clientAddress);
            LOG.info("Failed sign-in for user '{}' from {}", LogText.escape(username), LogText.escape(clientAddress));
            throw Rejection.of(Rejection.Kind.UNAUTHENTICATED, "invalid_credentials",
                    "Wrong user name or password.");
        }
        perUser.reset(userKey);
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
        RememberedGrant remembered = recentGrants.get(hash);
        if (remembered != null && now.isBefore(remembered.until())) {
            return Optional.of(remembered.grant());
        }
        Optional<TokenGrant> grant = tokens.find(hash, now);
        if (grant.isPresent()) {
            if (recentGrants.size() > 10_000) {
                recentGrants.clear();
            }
            recentGrants.put(hash, new RememberedGrant(grant.get(), now.plus(GRANT_MEMORY)));
        } else {
            recentGrants.remove(hash);
        }
        return grant;
    }

    public void signOut(String token) {
        String hash = Secrets.sha256(token);
        recentGrants.remove(hash);
        tokens.delete(hash);
    }

    /** Drops every remembered grant of a user (disabled, role changed, password reset). */
    public void forgetUser(long userId) {
        recentGrants.values().removeIf(g -> g.grant().user().id() == userId);
    }

    /**
     * Signs a user out everywhere: every console sign-in and API token is deleted, so nothing they
     * held works again, not even after the account is enabled again or the password reset.
     */
    public void signOutEverywhere(long userId) {
        tokens.deleteForUser(userId);
        forgetUser(userId);
    }

    private record RememberedGrant(TokenGrant grant, Instant until) {
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

    private static void slowDown(int failures) {
        if (failures < SLOW_AFTER) {
            return;
        }
        long delay = Math.min(3_000L, 250L << Math.min(4, failures - SLOW_AFTER));
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
