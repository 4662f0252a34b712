package dev.tandem.server.ws;

import dev.tandem.server.LogText;
import dev.tandem.server.ErrorCode;
import dev.tandem.server.auth.Accounts;
import dev.tandem.server.events.LocalEvents;
import dev.tandem.server.domain.User;
import dev.tandem.server.net.ClientAddresses;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsContext;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /ws/console}: live events for a signed-in technician (docs/protocol.md section 2).
 * Authenticated by the console cookie (only from a page of this server: the Origin must match) or
 * by {@code ?token=} with an API token. Thread-safe.
 */
public final class ConsoleEndpoint {
    public static final String COOKIE = SocketAuth.COOKIE;
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleEndpoint.class);
    private final Accounts accounts;
    private final LocalEvents hub;
    private final Map<String, LocalEvents.Console> viewers = new ConcurrentHashMap<>();
    private final ClientAddresses clients;

    public ConsoleEndpoint(Accounts accounts, LocalEvents hub, ClientAddresses clients) {
        this.clients = clients;
        this.accounts = accounts;
        this.hub = hub;
    }

    public void configure(WsConfig ws) {
        ws.onConnect(ctx -> {
            Optional<User> user = authenticate(ctx);
            if (user.isEmpty()) {
                LOG.info("Console socket refused from {}", clients.of(ctx));
                ctx.closeSession(ErrorCode.UNAUTHENTICATED.socketCloseCode(), "Sign in to the console first.");
                return;
            }
            viewers.put(ctx.sessionId(), hub.attach(user.get(), new SocketSender(ctx.session)));
        });
        ws.onMessage(ctx -> {
            // The console acts through the REST API; frames from it are ignored.
        });
        ws.onClose(ctx -> {
            LocalEvents.Console viewer = viewers.remove(ctx.sessionId());
            if (viewer != null) {
                hub.detach(viewer);
            }
        });
    }

    private Optional<User> authenticate(WsContext ctx) {
        return SocketAuth.user(accounts, ctx);
    }

    /** See {@link SocketAuth#sameOrigin}. */
    static boolean sameOrigin(String origin, String host) {
        return SocketAuth.sameOrigin(origin, host);
    }
}
