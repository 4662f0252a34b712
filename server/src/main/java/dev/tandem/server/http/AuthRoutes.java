package dev.tandem.server.http;

import com.fasterxml.jackson.databind.JsonNode;
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

    AuthRoutes(Accounts accounts, Authenticator auth, Bodies bodies, ConsoleHub consoles, boolean secureCookies) {
        this.accounts = accounts;
        this.auth = auth;
        this.bodies = bodies;
        this.consoles = consoles;
        this.secureCookies = secureCookies;
    }

    void register(RoutesConfig routes) {
        routes.post("/api/v1/auth/token", ctx -> {
            User user = signIn(ctx);
            ctx.json(Map.of("token", accounts.issueApiToken(user)));
        });
        routes.post("/api/v1/auth/login", ctx -> {
            User user = signIn(ctx);
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
            auth.require(ctx);
            String cookie = ctx.cookie(ConsoleEndpoint.COOKIE);
            if (cookie != null) {
                accounts.signOut(cookie);
                ctx.removeCookie(ConsoleEndpoint.COOKIE, "/");
            }
            ctx.status(204);
        });
    }

    private User signIn(Context ctx) {
        JsonNode body = bodies.object(ctx);
        return accounts.signIn(Bodies.requiredText(body, "username"), Bodies.requiredText(body, "password"), ctx.ip());
    }

    private static Map<String, Object> me(User user, String csrfToken) {
        Map<String, Object> me = new LinkedHashMap<>();
        me.put("user", Views.user(user));
        me.put("csrfToken", csrfToken);
        return me;
    }
}
