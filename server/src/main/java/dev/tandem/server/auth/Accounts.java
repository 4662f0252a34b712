package dev.tandem.server.auth;

import dev.tandem.server.LogText;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.tandem.server.ErrorCode;
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
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sign-in, console sessions and API tokens. Failed sign-ins (wrong passwords and wrong second-factor
 * codes alike) are limited per address, per account and address, and per account from anywhere
 * ({@link SignInLimits}); a refusal answers at once with 429 and {@code Retry-After}, never by
 * holding the request's thread. Thread-safe.
 */
public final class Accounts {
    public static final String WEB = "web";
    public static final String API = "api";
    private static final Logger LOG = LoggerFactory.getLogger(Accounts.class);
    private static final Duration WEB_LIFETIME = Duration.ofHours(12);
    private static final Duration API_LIFETIME = Duration.ofDays(30);
    private static final Duration GRANT_MEMORY = Duration.ofSeconds(10);
    private static final Duration LAST_USE_EVERY = Duration.ofMinutes(1);
    private final Cache<String, TokenGrant> recentGrants;

    private final UserStore users;
    private final TokenStore tokens;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final SignInLimits limits;
    private final String dummyHash;
    /** The stored hash of users without a password (single sign-on only): not a valid Argon2 string. */
    private static final String NO_PASSWORD = "!sso-only";

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

    /**
     * Checks a password, or refuses with 401 (wrong) or 429 (too many failures). Call
     * {@link #succeeded} once the sign-in is complete.
     */
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
            throw Rejection.of(ErrorCode.INVALID_CREDENTIALS,
                    "Wrong user name or password.");
        }
        // The counters end (and the place becomes known) once every factor has passed (see succeeded):
        // ending them here would let someone who knows the password guess codes without limit.
        return user.get();
    }

    /** Where a sign-in or token comes from, shown in the lists of sessions and tokens. */
    public record Origin(String address, String userAgent) {
        public Origin {
            address = cut(address, 64);
            userAgent = cut(userAgent, 200);
        }

        private static String cut(String text, int max) {
            return text == null ? null : text.length() <= max ? text : text.substring(0, max);
        }
    }

    /** A new API token: its public id and the secret, which is shown this once. */
    public record IssuedToken(String id, String name, String scope, Instant expiresAt, String token) {
    }

    /**
     * Opens a console sign-in. {@code enrolmentOnly}: the user must enrol a second factor before
     * anything else (the policy requires one and they have none).
     */
    public ConsoleSignIn openConsoleSession(User user, Origin origin, boolean enrolmentOnly) {
        String token = Secrets.token(32);
        String csrf = Secrets.token(24);
        Instant now = clock.instant();
        Instant expires = now.plus(WEB_LIFETIME);
        tokens.insert(Secrets.sha256(token), new TokenStore.NewToken(Secrets.id("s"), user.id(), WEB, "console", "full",
                csrf, now, expires, origin.address(), origin.userAgent(), enrolmentOnly));
        return new ConsoleSignIn(user, token, csrf, expires);
    }

    /** Issues an API token of {@code scope} ({@code full} or {@code read}) that lives for {@code lifetime}. */
    public IssuedToken issueApiToken(User user, String name, String scope, Duration lifetime, Origin origin,
                                     boolean enrolmentOnly) {
        String token = Secrets.token(32);
        String id = Secrets.id("t");
        Instant now = clock.instant();
        Instant expires = now.plus(lifetime);
        tokens.insert(Secrets.sha256(token), new TokenStore.NewToken(id, user.id(), API, name, scope, null, now, expires,
                origin.address(), origin.userAgent(), enrolmentOnly));
        return new IssuedToken(id, name, scope, expires, token);
    }

    /** The token {@code POST /api/v1/auth/token} gives: full scope, 30 days. */
    public IssuedToken issueSignInToken(User user, Origin origin, boolean enrolmentOnly) {
        return issueApiToken(user, "signed in from " + origin.address(), "full", API_LIFETIME, origin, enrolmentOnly);
    }

    /**
     * Who a cookie or bearer token belongs to; empty for unknown, expired or disabled. Answers are
     * remembered for a few seconds (every API call needs one); {@link #forgetUser} and
     * {@link #signOut} drop them at once, so disabling a user takes effect immediately. The
     * token's last use is written at most once a minute.
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
            if (grant.get().lastUsedAt().map(at -> at.isBefore(now.minus(LAST_USE_EVERY))).orElse(true)) {
                tokens.touch(grant.get().id(), now);
            }
            recentGrants.put(hash, grant.get());
        } else {
            recentGrants.invalidate(hash);
        }
        return grant;
    }

    /** The holder of {@code grant} proved who they are again: dangerous actions are open for a while. */
    public void verifiedAgain(TokenGrant grant) {
        tokens.verified(grant.id(), clock.instant());
        forgetUser(grant.user().id());
    }

    /** True when the holder of {@code grant} proved who they are within {@code within}. */
    public boolean verifiedWithin(TokenGrant grant, Duration within) {
        return !grant.verifiedAt().isBefore(clock.instant().minus(within));
    }

    /** The user now has a second factor: their enrolment-only sign-ins may do everything. */
    public void enrolled(long userId) {
        tokens.liftEnrolmentOnly(userId);
        forgetUser(userId);
    }

    /** Unexpired tokens of a kind: the user's, or everyone's for {@code userId} empty. */
    public List<TokenStore.TokenRow> list(String kind, Optional<Long> userId) {
        return tokens.list(kind, userId, clock.instant());
    }

    public Optional<Long> ownerOf(String tokenId) {
        return tokens.ownerOf(tokenId);
    }

    /** Revokes a token or console sign-in by its public id; it is dead when this returns. */
    public boolean revoke(String tokenId) {
        Optional<String> hash = tokens.deleteById(tokenId);
        hash.ifPresent(recentGrants::invalidate);
        return hash.isPresent();
    }

    /** Signs the user out of every console (their API tokens stay). */
    public void signOutConsoles(long userId) {
        tokens.deleteKindForUser(userId, WEB);
        forgetUser(userId);
    }

    /** Signs the user out everywhere except the sign-in or token {@code keptTokenId}. */
    public void signOutOthers(long userId, String keptTokenId) {
        tokens.deleteForUserExcept(userId, keptTokenId);
        forgetUser(userId);
    }

    /** Checks a new password against the rules, or refuses with 400 {@code weak_password}. */
    public static String acceptable(String username, String password) {
        PasswordRules.standard().problem(username, password).ifPresent(problem -> {
            throw Rejection.of(ErrorCode.WEAK_PASSWORD, problem);
        });
        return password;
    }

    /** Sets a new password (already checked against the rules). */
    public void setPassword(long userId, String password) {
        users.updatePassword(userId, hasher.hash(password));
    }

    /** True when {@code password} is the user's current one. */
    public boolean passwordMatches(long userId, String password) {
        return hasher.verify(password, users.passwordHash(userId).orElse(dummyHash));
    }

    /**
     * A wrong second-factor code (or a wrong password when re-authenticating) counts as a failed
     * sign-in: toward the same limits as a wrong password at sign-in.
     */
    public void recordFailure(String username, ClientAddress client) {
        limits.failed(username, client);
    }

    /** Refuses with 429 (and when to retry) while {@code username} may not try from {@code client}. */
    public void throttle(String username, ClientAddress client) {
        limits.check(username, client);
    }

    /** Every factor passed: the counters of this account end and the place becomes known. */
    public void succeeded(String username, ClientAddress client) {
        limits.succeeded(username, client);
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

    /** The first administrator's password from the environment breaks the password rules. */
    public static final class WeakPasswordException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        WeakPasswordException(String message) {
            super(message, null, false, false);
        }
    }

    /** Creates a user; the password must pass {@link #acceptable}. */
    public User createUser(String username, String displayName, Role role, String password) {
        return users.create(username, displayName, role, hasher.hash(acceptable(username, password)));
    }

    /** Creates a user who signs in through single sign-on only: no password can match theirs. */
    public User createWithoutPassword(String username, String displayName, Role role) {
        return users.create(username, displayName, role, NO_PASSWORD);
    }

    /**
     * Creates the administrator {@code admin} on first start. Returns the generated password when
     * none was given, so the caller can print it once.
     */
    public Optional<String> ensureAdministrator(Optional<String> password) {
        if (!users.isEmpty()) {
            return Optional.empty();
        }
        password.filter(p -> !p.isBlank()).ifPresent(p -> PasswordRules.standard().problem("admin", p).ifPresent(problem -> {
            throw new WeakPasswordException("TANDEM_ADMIN_PASSWORD is too weak: " + problem);
        }));
        String chosen = password.filter(p -> !p.isBlank()).orElseGet(Secrets::password);
        createUser("admin", "Administrator", Role.ADMIN, chosen);
        return password.filter(p -> !p.isBlank()).isPresent() ? Optional.empty() : Optional.of(chosen);
    }
}
