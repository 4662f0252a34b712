package dev.tandem.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.server.ErrorCode;
import dev.tandem.server.Rejection;
import dev.tandem.server.audit.AuditAction;
import dev.tandem.server.audit.AuditLog;
import dev.tandem.server.auth.Accounts;
import dev.tandem.server.auth.SecondFactors;
import dev.tandem.server.auth.SignIns;
import dev.tandem.server.domain.User;
import dev.tandem.server.i18n.Phrase;
import dev.tandem.server.ws.ConsoleEndpoint;
import dev.tandem.server.store.TokenStore.TokenGrant;
import dev.tandem.server.view.AuthInfoView;
import dev.tandem.server.view.SignInTokenView;
import dev.tandem.server.view.UserView;
import dev.tandem.server.view.Views;
import dev.tandem.server.net.ClientAddresses;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.time.Duration;
import java.time.Instant;

/**
 * Sign-in for the console (cookie) and for scripts (bearer token), sign-out, who am I, and the
 * user's own password. Second factors are in {@link SecondFactorRoutes}.
 */
final class AuthRoutes {
    private final Accounts accounts;
    private final SignIns signIns;
    private final SecondFactors factors;
    private final Authenticator auth;
    private final Bodies bodies;
    private final boolean secureCookies;
    private final AuditLog audit;
    private final ClientAddresses clients;

    AuthRoutes(Accounts accounts, SignIns signIns, SecondFactors factors, Authenticator auth, Bodies bodies,
               boolean secureCookies, AuditLog audit, ClientAddresses clients) {
        this.clients = clients;
        this.accounts = accounts;
        this.signIns = signIns;
        this.factors = factors;
        this.auth = auth;
        this.bodies = bodies;
        this.secureCookies = secureCookies;
        this.audit = audit;
    }

    void register(RoutesConfig routes) {
        routes.post("/api/v1/auth/token", ctx -> {
            SignIns.Outcome outcome = signIn(ctx, false);
            Accounts.IssuedToken token = accounts.issueSignInToken(outcome.user(), origin(ctx), outcome.enrolmentOnly());
            audit.record(outcome.user().username(), AuditAction.TOKEN_ISSUED, Phrase.of("audit.tokenIssued",
                    "token", token.id(), "address", clients.of(ctx).text()));
            ctx.json(new SignInTokenView(token.token(), token.id(), Views.iso(token.expiresAt()), outcome.enrolmentOnly()));
        });
        routes.post("/api/v1/auth/login", ctx -> {
            SignIns.Outcome outcome = signIn(ctx, true);
            openConsole(ctx, outcome.user(), outcome.enrolmentOnly());
        });
        routes.get("/api/v1/auth/me", ctx -> {
            TokenGrant grant = auth.grant(ctx);
            ctx.json(me(grant.user(), auth.consoleGrant(ctx).flatMap(TokenGrant::csrfToken).orElse(null),
                    grant.enrolmentOnly()));
        });
        routes.post("/api/v1/auth/logout", ctx -> {
            TokenGrant grant = auth.grant(ctx);
            accounts.revoke(grant.id());
            if (Accounts.WEB.equals(grant.kind())) {
                ctx.removeCookie(ConsoleEndpoint.COOKIE, "/");
            }
            audit.record(grant.user().username(), AuditAction.SIGN_OUT, Accounts.WEB.equals(grant.kind())
                    ? Phrase.of("audit.signedOut", "address", clients.of(ctx).text())
                    : Phrase.of("audit.tokenSignedOut", "token", grant.id(), "address", clients.of(ctx).text()));
            ctx.status(204);
        });
        routes.put("/api/v1/auth/password", ctx -> {
            User user = auth.require(ctx);
            JsonNode body = bodies.object(ctx);
            String current = Bodies.requiredText(body, "current");
            String wanted = Accounts.acceptable(user.username(), Bodies.requiredText(body, "new"));
            if (!signIns.checkPassword(user, current, clients.of(ctx))) {
                throw Rejection.of(ErrorCode.WRONG_PASSWORD, "Your current password is not right.");
            }
            accounts.setPassword(user.id(), wanted);
            TokenGrant grant = auth.grant(ctx);
            accounts.signOutOthers(user.id(), grant.id());
            accounts.verifiedAgain(grant);
            audit.record(user.username(), AuditAction.PASSWORD_CHANGED, Phrase.of("audit.passwordChanged",
                    "address", clients.of(ctx).text()));
            ctx.status(204);
        });
    }

    /** Sets the console cookie for a user who has signed in (password, passkey or single sign-on). */
    void openConsole(Context ctx, User user, boolean enrolmentOnly) {
        Accounts.ConsoleSignIn signIn = accounts.openConsoleSession(user, origin(ctx), enrolmentOnly);
        ctx.cookie(sessionCookie(ctx, signIn));
        ctx.json(me(user, signIn.csrfToken(), enrolmentOnly));
    }

    Cookie sessionCookie(Context ctx, Accounts.ConsoleSignIn signIn) {
        int maxAge = (int) Duration.between(Instant.now(), signIn.expiresAt()).toSeconds();
        // Secure whenever the browser came over HTTPS, directly or through a trusted proxy.
        return new Cookie(ConsoleEndpoint.COOKIE, signIn.token(), "/", maxAge, secureCookies || ctx.req().isSecure(), true,
                null, SameSite.STRICT);
    }

    Accounts.Origin origin(Context ctx) {
        return new Accounts.Origin(clients.of(ctx).text(), ctx.header("User-Agent"));
    }

    private SignIns.Outcome signIn(Context ctx, boolean console) {
        JsonNode body = bodies.object(ctx);
        String username = Bodies.requiredText(body, "username");
        try {
            SignIns.Outcome outcome = signIns.withPassword(username, Bodies.requiredText(body, "password"),
                    Bodies.text(body, "otp"), clients.of(ctx));
            String key = (console ? "audit.signedIn" : "audit.signedInApi") + (outcome.enrolmentOnly() ? "ToEnrol" : "");
            audit.record(outcome.user().username(), AuditAction.SIGN_IN, Phrase.of(key, "address", clients.of(ctx).text()));
            return outcome;
        } catch (Rejection refused) {
            if (!"otp_required".equals(refused.code())) {
                audit.record(AuditLog.anonymous(clients.of(ctx).text()), AuditAction.SIGN_IN_FAILED, Phrase.of(console
                        ? "audit.signInRefused" : "audit.signInRefusedApi", "username", username, "code", refused.code()));
            }
            throw refused;
        }
    }

    /** The answer of {@code /auth/me} and of every console sign-in. */
    AuthInfoView me(User user, String csrfToken, boolean enrolmentOnly) {
        SecondFactors.Status status = factors.status(user.id());
        return new AuthInfoView(UserView.of(user), csrfToken, enrolmentOnly,
                new AuthInfoView.SecondFactor(status.totp(), status.recoveryCodesLeft(), status.passkeys()));
    }
}
