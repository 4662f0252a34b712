package dev.tandem.server.ws;

import dev.tandem.server.LogText;
import dev.tandem.server.ErrorCode;
import dev.tandem.protocol.ProtocolException;
import dev.tandem.server.auth.Accounts;
import dev.tandem.server.domain.User;
import dev.tandem.server.live.ScreenSharing;
import dev.tandem.server.live.ViewerLink;
import dev.tandem.server.net.ClientAddresses;
import io.javalin.websocket.WsConfig;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /ws/screen/{session}}: a technician's viewer on a session's screen (docs/protocol.md
 * section 2b). Binary frames are plain RFB to and from the phone, relayed by {@link ScreenSharing};
 * text frames are refused. Authenticated like the console socket. Thread-safe.
 */
public final class ViewerEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(ViewerEndpoint.class);
    private final Accounts accounts;
    private final ScreenSharing screens;
    private final Map<String, ViewerLink> viewers = new ConcurrentHashMap<>();
    private final ClientAddresses clients;
    private final Function<String, Optional<String>> ownerElsewhere;

    /**
     * {@code ownerElsewhere}: in a cluster, the node that holds a session's phone when it is not this
     * one (always empty when the server runs alone).
     */
    public ViewerEndpoint(Accounts accounts, ScreenSharing screens, ClientAddresses clients,
                          Function<String, Optional<String>> ownerElsewhere) {
        this.clients = clients;
        this.ownerElsewhere = ownerElsewhere;
        this.accounts = accounts;
        this.screens = screens;
    }

    public void configure(WsConfig ws) {
        ws.onConnect(ctx -> {
            Optional<dev.tandem.server.store.TokenStore.TokenGrant> grant = SocketAuth.grant(accounts, ctx);
            Optional<User> user = grant.map(dev.tandem.server.store.TokenStore.TokenGrant::user);
            if (user.isEmpty()) {
                LOG.info("Viewer socket refused from {}: not signed in", clients.of(ctx));
                ctx.closeSession(ErrorCode.UNAUTHENTICATED.socketCloseCode(), "Sign in to the console first.");
                return;
            }
            if (grant.get().readOnly()) {
                // The viewer socket carries taps and keys to the customer's phone: a look-only token has no place here.
                ctx.closeSession(ErrorCode.READ_ONLY_TOKEN.socketCloseCode(), "This API token can only read; the screen needs a token with the scope 'full'.");
                return;
            }
            // Screen bytes never cross the bus: the viewer must reach the node that holds the phone.
            // HAProxy routes on ?node= (docs/deployment.md); a viewer that landed elsewhere anyway
            // (no hint, or the phone moved) is told where to go, and the console reconnects by itself.
            Optional<String> owner = ownerElsewhere.apply(ctx.pathParam("session"));
            if (owner.isPresent()) {
                ctx.closeSession(ErrorCode.SESSION_ELSEWHERE.socketCloseCode(),
                        "The session is on another node; reconnect with ?node=" + owner.get());
                return;
            }
            SocketSender sender = SocketSender.forByteStream(ctx.session);
            try {
                viewers.put(ctx.sessionId(), screens.attachViewer(user.get(), ctx.pathParam("session"), sender));
            } catch (ProtocolException refused) {
                sender.close(refused.status().closeCode(), refused.getMessage());
            }
        });
        ws.onBinaryMessage(ctx -> {
            ViewerLink viewer = viewers.get(ctx.sessionId());
            if (viewer == null) {
                return;
            }
            try {
                screens.viewerBytes(viewer, ctx.data());
            } catch (ProtocolException refused) {
                LOG.info("Viewer {} closed: {}", viewer.stream(), LogText.escape(refused.getMessage()));
                viewer.close(refused.status().closeCode(), refused.getMessage());
            }
        });
        ws.onMessage(ctx -> {
            ViewerLink viewer = viewers.get(ctx.sessionId());
            if (viewer != null) {
                viewer.close(dev.tandem.protocol.TandemStatus.MALFORMED.closeCode(),
                        "The viewer socket carries binary RFB frames only.");
            }
        });
        ws.onClose(ctx -> {
            ViewerLink viewer = viewers.remove(ctx.sessionId());
            if (viewer != null) {
                screens.viewerClosed(viewer);
            }
        });
        ws.onError(ctx -> LOG.debug("Viewer socket error: {}", String.valueOf(ctx.error())));
    }

    public int connections() {
        return viewers.size();
    }
}
