package dev.tandem.server.ws;

import dev.tandem.server.auth.Accounts;
import dev.tandem.server.domain.User;
import dev.tandem.server.store.TokenStore.TokenGrant;
import io.javalin.websocket.WsContext;
import java.net.URI;
import java.util.Optional;

/**
 * Who opened a technician's socket (console or viewer): the console's cookie, accepted only from a
 * page of this server (the Origin must match the Host, so another site cannot ride on the cookie),
 * or an API token in {@code ?token=}.
 */
final class SocketAuth {
    static final String COOKIE = "tandem_session";

    private SocketAuth() {
    }

    /** The user behind the socket; a sign-in that may only enrol a second factor opens none. */
    static Optional<User> user(Accounts accounts, WsContext ctx) {
        return grant(accounts, ctx).map(TokenGrant::user);
    }

    /** The sign-in or token behind the socket, as {@link #user}. */
    static Optional<TokenGrant> grant(Accounts accounts, WsContext ctx) {
        String token = ctx.queryParam("token");
        if (token != null) {
            return accounts.resolve(token).filter(g -> !g.enrolmentOnly());
        }
        String cookie = ctx.cookie(COOKIE);
        if (cookie == null || !sameOrigin(ctx.header("Origin"), ctx.header("Host"))) {
            return Optional.empty();
        }
        return accounts.resolve(cookie).filter(g -> Accounts.WEB.equals(g.kind()) && !g.enrolmentOnly());
    }

    /** A cookie-authenticated socket must come from a page served by this host (no cross-site hijack). */
    static boolean sameOrigin(String origin, String host) {
        if (origin == null || host == null) {
            return false;
        }
        try {
            URI uri = URI.create(origin);
            String originHost = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return host.equalsIgnoreCase(originHost);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
