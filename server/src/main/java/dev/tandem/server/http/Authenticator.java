package dev.tandem.server.http;

import dev.tandem.server.ErrorCode;
import dev.tandem.server.Rejection;
import dev.tandem.server.auth.Accounts;
import dev.tandem.server.domain.User;
import dev.tandem.server.ws.ConsoleEndpoint;
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
    private static final String GRANT = "tandem.grant";
    /** How long a password or code proves who the caller is for the dangerous administrator actions. */
    public static final java.time.Duration REPROOF_AFTER = java.time.Duration.ofMinutes(10);
    private final Accounts accounts;

    public Authenticator(Accounts accounts) {
        this.accounts = accounts;
    }

    /**
     * The signed-in user, or 401/403. Refuses a sign-in that may only enrol a second factor
     * (403 {@code enrolment_required}) and a {@code read} token on anything but GET
     * (403 {@code read_only_token}).
     */
    public User require(Context ctx) {
        TokenGrant grant = grant(ctx);
        if (grant.enrolmentOnly()) {
            throw Rejection.of(ErrorCode.ENROLMENT_REQUIRED, "Set up two-factor sign-in first: "
                    + "your administrator requires it (an authenticator app or a passkey).");
        }
        refuseReadOnlyChange(ctx, grant);
        return grant.user();
    }

    /**
     * The signed-in user for the routes that enrol a second factor or read one's own account,
     * which an enrolment-only sign-in may use too.
     */
    public User requireForEnrolment(Context ctx) {
        TokenGrant grant = grant(ctx);
        refuseReadOnlyChange(ctx, grant);
        return grant.user();
    }

    /** The sign-in or token behind the request (any scope, enrolment-only too), or 401. */
    public TokenGrant grant(Context ctx) {
        TokenGrant cached = ctx.attribute(GRANT);
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
        TokenGrant found = grant.orElseThrow(Authenticator::unauthenticated);
        ctx.attribute(GRANT, found);
        return found;
    }

    /**
     * For the dangerous administrator actions: the caller must have proved who they are (password,
     * code or passkey) within the last 10 minutes, else 403 {@code reauthentication_required}.
     */
    public void requireRecentProof(Context ctx) {
        if (!accounts.verifiedWithin(grant(ctx), REPROOF_AFTER)) {
            throw Rejection.of(ErrorCode.REAUTHENTICATION_REQUIRED, "Confirm it is you: enter your "
                    + "password or a code again (POST /api/v1/auth/reauth); your last one is more than 10 minutes old.");
        }
    }

    private static void refuseReadOnlyChange(Context ctx, TokenGrant grant) {
        HandlerType method = ctx.method();
        if (grant.readOnly() && method != HandlerType.GET && method != HandlerType.HEAD) {
            throw Rejection.of(ErrorCode.READ_ONLY_TOKEN,
                    "This API token can only read. Create a token with the scope 'full' to make changes.");
        }
    }

    public User requireAdmin(Context ctx) {
        User user = require(ctx);
        if (!user.isAdmin()) {
            throw Rejection.of(ErrorCode.ADMIN_ONLY, "Only an administrator can do this.");
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
            throw Rejection.of(ErrorCode.CSRF, "This change did not come from the Tandem console. "
                    + "Reload the page and try again.");
        }
    }

    private static Rejection unauthenticated() {
        return Rejection.of(ErrorCode.UNAUTHENTICATED,
                "Sign in first: send 'Authorization: Bearer <token>' (from POST /api/v1/auth/token) or sign in to the console.");
    }
}
