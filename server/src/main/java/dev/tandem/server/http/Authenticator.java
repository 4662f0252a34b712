package dev.tandem.server.http;

import dev.tandem.server.Rejection;
import dev.tandem.server.auth.Accounts;
import dev.tandem.server.domain.User;
import dev.tandem.server.live.ConsoleEndpoint;
import dev.tandem.server.store.TokenStore.TokenGrant;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Who sent a request: a bearer token ({@code Authorization: Bearer …}) or the console cookie. A
 * change made with the cookie must carry the sign-in's CSRF token in {@code X-CSRF-Token}, so
 * another site cannot act with the technician's cookie. Thread-safe.
 */
public final class Authenticator {
    public static final String CSRF_HEADER = "X-CSRF-Token";
    private static final String USER = "tandem.user";
    private final Accounts accounts;

    public Authenticator(Accounts accounts) {
        this.accounts = accounts;
    }

    /** The signed-in user, or 401/403. */
    public User require(Context ctx) {
        User cached = ctx.attribute(USER);
        if (cached != null) {
            return cached;
        }
        String authorization = ctx.header("Authorization");
        Optional<TokenGrant> grant;
        if (authorization != null) {
            if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                throw unauthenticated();
            }
            grant = accounts.resolve(authorization.substring(7).strip());
        } else {
            String cookie = ctx.cookie(ConsoleEndpoint.COOKIE);
            grant = cookie == null ? Optional.empty()
                    : accounts.resolve(cookie).filter(g -> Accounts.WEB.equals(g.kind()));
            grant.ifPresent(g -> checkCsrf(ctx, g));
        }
        User user = grant.map(TokenGrant::user).orElseThrow(Authenticator::unauthenticated);
        ctx.attribute(USER, user);
        return user;
    }

    public User requireAdmin(Context ctx) {
        User user = require(ctx);
        if (!user.isAdmin()) {
            throw Rejection.of(Rejection.Kind.FORBIDDEN, "admin_only", "Only an administrator can do this.");
        }
        return user;
    }

    /** The CSRF token of the console sign-in behind the request's cookie, if any. */
    public Optional<TokenGrant> consoleGrant(Context ctx) {
        String cookie = ctx.cookie(ConsoleEndpoint.COOKIE);
        return cookie == null ? Optional.empty() : accounts.resolve(cookie).filter(g -> Accounts.WEB.equals(g.kind()));
    }

    private static void checkCsrf(Context ctx, TokenGrant grant) {
        HandlerType method = ctx.method();
        if (method == HandlerType.GET || method == HandlerType.HEAD || method == HandlerType.OPTIONS) {
            return;
        }
        String sent = ctx.header(CSRF_HEADER);
        String expected = grant.csrfToken().orElse("");
        if (sent == null || expected.isEmpty() || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8))) {
            throw Rejection.of(Rejection.Kind.FORBIDDEN, "csrf", "This change did not come from the Tandem console. "
                    + "Reload the page and try again.");
        }
    }

    private static Rejection unauthenticated() {
        return Rejection.of(Rejection.Kind.UNAUTHENTICATED, "unauthenticated",
                "Sign in first: send 'Authorization: Bearer <token>' (from POST /api/v1/auth/token) or sign in to the console.");
    }
}
