package dev.tandem.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.server.ErrorCode;
import dev.tandem.server.Rejection;
import dev.tandem.server.audit.AuditAction;
import dev.tandem.server.audit.AuditLog;
import dev.tandem.server.i18n.Phrase;
import dev.tandem.server.auth.Accounts;
import dev.tandem.server.domain.User;
import dev.tandem.server.events.Events;
import dev.tandem.server.store.TokenStore.TokenGrant;
import dev.tandem.server.store.TokenStore.TokenRow;
import dev.tandem.server.view.ConsoleSignInView;
import dev.tandem.server.view.IssuedTokenView;
import dev.tandem.server.view.TokenView;
import dev.tandem.server.view.Views;
import dev.tandem.server.net.ClientAddresses;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Named API tokens ({@code /api/v1/tokens}) and console sign-ins ({@code /api/v1/auth/sessions}):
 * listed without their secrets, revoked one by one (dead at once), or every console sign-in at once
 * ("sign out everywhere"). A technician sees their own; an administrator everyone's.
 */
final class TokenRoutes {
    static final int MAX_DAYS = 365;
    private final Accounts accounts;
    private final Authenticator auth;
    private final Bodies bodies;
    private final Events consoles;
    private final AuditLog audit;
    private final ClientAddresses clients;

    TokenRoutes(Accounts accounts, Authenticator auth, Bodies bodies, Events consoles, AuditLog audit,
                ClientAddresses clients) {
        this.clients = clients;
        this.accounts = accounts;
        this.auth = auth;
        this.bodies = bodies;
        this.consoles = consoles;
        this.audit = audit;
    }

    void register(RoutesConfig routes) {
        routes.post("/api/v1/tokens", ctx -> {
            User user = auth.require(ctx);
            JsonNode body = bodies.object(ctx);
            String name = Bodies.requiredText(body, "name").strip();
            if (name.length() > 120) {
                throw Rejection.badInput("'name' can have at most 120 characters.");
            }
            String scope = Bodies.text(body, "scope").orElse("full");
            if (!scope.equals("full") && !scope.equals("read")) {
                throw Rejection.badInput("'scope' must be 'read' (look only) or 'full'.");
            }
            int days = Bodies.integer(body, "expiresInDays").orElse(30);
            if (days < 1 || days > MAX_DAYS) {
                throw Rejection.badInput("'expiresInDays' must be between 1 and " + MAX_DAYS + ".");
            }
            Accounts.IssuedToken token = accounts.issueApiToken(user, name, scope, Duration.ofDays(days),
                    new Accounts.Origin(clients.of(ctx).text(), ctx.header("User-Agent")), false);
            audit.record(user.username(), AuditAction.TOKEN_CREATED, Phrase.of("audit.tokenCreated", "token", token.id(),
                    "name", name, "scope", scope, "days", String.valueOf(days)));
            ctx.status(201).json(new IssuedTokenView(token.id(), token.name(), token.scope(),
                    Views.iso(token.expiresAt()), token.token()));
        });
        routes.get("/api/v1/tokens", ctx -> list(ctx, Accounts.API, TokenRoutes::tokenView));
        routes.delete("/api/v1/tokens/{id}", ctx -> {
            User user = auth.require(ctx);
            TokenRow row = visible(user, ctx.pathParam("id"), Accounts.API, "API token");
            revoke(ctx, user, row, AuditAction.TOKEN_REVOKED, "audit.tokenRevoked");
        });
        routes.get("/api/v1/auth/sessions", ctx -> list(ctx, Accounts.WEB, TokenRoutes::signInView));
        routes.delete("/api/v1/auth/sessions/{id}", ctx -> {
            User user = auth.require(ctx);
            TokenRow row = visible(user, ctx.pathParam("id"), Accounts.WEB, "console sign-in");
            revoke(ctx, user, row, AuditAction.CONSOLE_SIGN_IN_REVOKED, "audit.signInRevoked");
        });
        routes.delete("/api/v1/auth/sessions", ctx -> {
            TokenGrant grant = auth.grant(ctx);
            User user = auth.require(ctx);
            accounts.signOutConsoles(user.id());
            consoles.disconnect(user.id(), ErrorCode.UNAUTHENTICATED.socketCloseCode(), "You signed out everywhere.");
            if (Accounts.WEB.equals(grant.kind())) {
                ctx.removeCookie(dev.tandem.server.ws.ConsoleEndpoint.COOKIE, "/");
            }
            audit.record(user.username(), AuditAction.CONSOLE_SIGN_IN_REVOKED, Phrase.of("audit.signedOutEverywhere",
                    "address", clients.of(ctx).text()));
            ctx.status(204);
        });
    }

    /** The caller's tokens or sign-ins of {@code kind} (an administrator: everyone's), the caller's own marked. */
    private void list(Context ctx, String kind, BiFunction<TokenRow, String, ? extends Record> view) {
        User user = auth.require(ctx);
        String current = auth.grant(ctx).id();
        ctx.json(accounts.list(kind, scopeOf(user)).stream().map(row -> view.apply(row, current)).toList());
    }

    /** Revokes {@code row}; {@code key} is the audit phrase, with "OfUser" when it was someone else's. */
    private void revoke(Context ctx, User user, TokenRow row, AuditAction action, String key) {
        Optional<Long> owner = accounts.ownerOf(row.id());
        accounts.revoke(row.id());
        if (Accounts.WEB.equals(row.kind())) {
            // The owner's console sockets close; their consoles still signed in reconnect by themselves.
            owner.ifPresent(id -> consoles.disconnect(id, ErrorCode.UNAUTHENTICATED.socketCloseCode(), "This sign-in was revoked."));
        }
        audit.record(user.username(), action, Phrase.of(row.username().equals(user.username()) ? key : key + "OfUser",
                "id", row.id(), "name", row.name(), "address", row.address(), "username", row.username()));
        ctx.status(204);
    }

    /** A technician lists their own; an administrator everyone's. */
    private static Optional<Long> scopeOf(User user) {
        return user.isAdmin() ? Optional.empty() : Optional.of(user.id());
    }

    /** The token if the caller may see it; 404 otherwise (another technician's tokens do not exist for them). */
    private TokenRow visible(User user, String id, String kind, String what) {
        return accounts.list(kind, scopeOf(user)).stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> Rejection.notFound("There is no " + what + " '" + id + "'."));
    }

    private static TokenView tokenView(TokenRow row, String current) {
        return new TokenView(row.id(), row.name(), row.scope(), row.username(), Views.iso(row.createdAt()),
                Views.iso(row.expiresAt()), row.lastUsedAt().map(Views::iso).orElse(null), row.address(),
                row.userAgent(), row.id().equals(current));
    }

    /** A console sign-in: an API token's fields without name and scope, which a sign-in has not. */
    private static ConsoleSignInView signInView(TokenRow row, String current) {
        return new ConsoleSignInView(row.id(), row.username(), Views.iso(row.createdAt()), Views.iso(row.expiresAt()),
                row.lastUsedAt().map(Views::iso).orElse(null), row.address(), row.userAgent(),
                row.id().equals(current));
    }
}
