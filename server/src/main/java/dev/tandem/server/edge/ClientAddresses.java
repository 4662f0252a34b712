package dev.tandem.server.edge;

import io.javalin.websocket.WsContext;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;

/**
 * The real client address of a WebSocket. HTTP requests get theirs from {@link ForwardedRequests}
 * at the edge ({@code ctx.ip()}); a socket's remote address is the TCP peer's (already the client
 * behind the PROXY protocol), so for sockets that came through a trusted proxy the same
 * {@link ForwardedClient} rule is applied to the upgrade request's headers. Thread-safe.
 */
public final class ClientAddresses {
    private final TrustedProxies trusted;

    private ClientAddresses(TrustedProxies trusted) {
        this.trusted = trusted;
    }

    public static ClientAddresses trusting(TrustedProxies trusted) {
        return new ClientAddresses(trusted);
    }

    /** The client of {@code ctx} as text ({@code 203.0.113.9}, {@code 2001:db8::1}); call while connecting. */
    public String of(WsContext ctx) {
        SocketAddress remote = ctx.session.getRemoteSocketAddress();
        if (!(remote instanceof InetSocketAddress inet) || inet.getAddress() == null) {
            return String.valueOf(remote);
        }
        if (trusted.isEmpty()) {
            return inet.getAddress().getHostAddress();
        }
        ForwardedClient client = ForwardedClient.resolve(inet.getAddress(), false, trusted, values(ctx, "Forwarded"),
                values(ctx, "X-Forwarded-For"), values(ctx, "X-Forwarded-Proto"));
        return client.address().getHostAddress();
    }

    private static List<String> values(WsContext ctx, String header) {
        String value = ctx.header(header);
        return value == null ? List.of() : List.of(value);
    }
}
