package dev.tandem.server.http;

import dev.tandem.server.i18n.Phrase;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.server.Rejection;
import dev.tandem.server.audit.AuditAction;
import dev.tandem.server.audit.AuditLog;
import dev.tandem.server.auth.Accounts;
import dev.tandem.server.domain.User;
import dev.tandem.server.live.ConsoleEndpoint;
import dev.tandem.server.live.ConsoleHub;
import dev.tandem.server.view.Views;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Sign-in for the console (cookie) and for scripts (bearer token). */
final class AuthRoutes {
    private final Accounts accounts;
    private final Authenticator auth;
    private final Bodies bodies;
    private final ConsoleHub consoles;
    private final boolean secureCookies;
    private final AuditLog audit;

    AuthRoutes(Accounts accounts, Authenticator auth, Bodies bodies, ConsoleHub consoles, boolean secureCookies,
               AuditLog audit) {
        this.audit = audit;
        this.accounts = accounts;
        this.auth = auth;
        this.bodies = bodies;
        this.consoles = consoles;
        this.secureCookies = secureCookies;
    }

    void register(RoutesConfig routes) {
        routes.post("/api/v1/auth/token", ctx -> {
            User user = signIn(ctx, false);
            ctx.json(Map.of("token", accounts.issueApiToken(user)));
            audit.record(user.username(), AuditAction.TOKEN_ISSUED, Phrase.of("audit.tokenIssued", "address", ctx.ip()));
        });
        routes.post("/api/v1/auth/login", ctx -> {
            User user = signIn(ctx, true);
            Accounts.ConsoleSignIn signIn = accounts.openConsoleSession(user);
            int maxAge = (int) Duration.between(Instant.now(), signIn.expiresAt()).toSeconds();
            ctx.cookie(new Cookie(ConsoleEndpoint.COOKIE, signIn.token(), "/", maxAge, secureCookies, true, null,
                    SameSite.STRICT));
            ctx.json(me(user, signIn.csrfToken()));
        });
        routes.get("/api/v1/auth/me", ctx -> {
            User user = auth.require(ctx);
            ctx.json(me(user, auth.consoleGrant(ctx).flatMap(g -> g.csrfToken()).orElse(null)));
        });
        routes.post("/api/v1/auth/logout", ctx -> {
            User user = auth.require(ctx);
            String cookie = ctx.cookie(ConsoleEndpoint.COOKIE);
            audit.record(user.username(), AuditAction.SIGN_OUT, Phrase.of("audit.signedOut", "address", ctx.ip()));
            if (cookie != null) {
                accounts.signOut(cookie);
                ctx.removeCookie(ConsoleEndpoint.COOKIE, "/");
            }
            ctx.status(204);
        });
    }

    /** {@code console}: a console sign-in, else one for an API token. */
    private User signIn(Context ctx, boolean console) {
        JsonNode body = bodies.object(ctx);
        String username = Bodies.requiredText(body, "username");
        try {
            User user = accounts.signIn(username, Bodies.requiredText(body, "password"), ctx.ip());
            audit.record(user.username(), AuditAction.SIGN_IN, Phrase.of(console ? "audit.signedIn" : "audit.signedInApi",
                    "address", ctx.ip()));
            return user;
        } catch (Rejection refused) {
            audit.record(AuditLog.anonymous(ctx.ip()), AuditAction.SIGN_IN_FAILED, Phrase.of(console
                    ? "audit.signInRefused" : "audit.signInRefusedApi", "username", username, "code", refused.code()));
            throw refused;
        }
    }

    private static Map<String, Object> me(User user, String csrfToken) {
        Map<String, Object> me = new LinkedHashMap<>();
        me.put("user", Views.user(user));
        me.put("csrfToken", csrfToken);
        return me;
    }
}
