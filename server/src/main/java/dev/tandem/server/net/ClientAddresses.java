package dev.tandem.server.net;

import io.javalin.http.Context;
import io.javalin.websocket.WsContext;
import java.net.SocketAddress;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The one place where a request's or a socket's client address is decided. Every door asks here:
 * sign-in, {@code /join}, {@code /api/v1/join}, {@code /ws/agent}, chat requests, the per-address
 * request limit and the audit trail, so they all count and name a client the same way.
 *
 * <p>By default the client is the connection's peer ({@link #PEER}). Another {@link Source} (for
 * example one that believes {@code X-Forwarded-For} only when the peer is a trusted proxy) is
 * plugged in with {@link #ClientAddresses(Source)}; with the PROXY protocol Jetty already reports
 * the real client as the peer, so {@link #PEER} stays right. Thread-safe.
 */
public final class ClientAddresses {
    /** Used when a connection has no IP peer at all (never the case on Jetty's TCP connectors). */
    public static final ClientAddress UNKNOWN = ClientAddress.parse("0.0.0.0").orElseThrow();

    /** Decides who the client is from the connection's peer and the request's headers. */
    @FunctionalInterface
    public interface Source {
        /**
         * @param peer    the other end of the TCP connection, canonical
         * @param headers every value of a request header by name (empty list when absent)
         */
        ClientAddress resolve(ClientAddress peer, Function<String, List<String>> headers);
    }

    /** The connection's peer is the client: no proxy in front, or a PROXY-protocol one. */
    public static final Source PEER = (peer, headers) -> peer;

    private final Source source;

    public ClientAddresses(Source source) {
        this.source = Objects.requireNonNull(source);
    }

    /** Clients are the connections' peers. */
    public static ClientAddresses direct() {
        return new ClientAddresses(PEER);
    }

    /** The client of an HTTP request. */
    public ClientAddress of(Context ctx) {
        ClientAddress peer = ClientAddress.parse(ctx.req().getRemoteAddr()).orElse(UNKNOWN);
        return source.resolve(peer, name -> {
            var values = ctx.req().getHeaders(name);
            return values == null ? List.of() : Collections.list(values);
        });
    }

    /** The client of a request as Jetty sees it, before any route ran (the server's own guards). */
    public ClientAddress of(org.eclipse.jetty.server.Request request) {
        ClientAddress peer = peer(request.getConnectionMetaData().getRemoteSocketAddress());
        return source.resolve(peer, name -> request.getHeaders().getValuesList(name));
    }

    /** The client of a WebSocket, from its connection and its upgrade request. */
    public ClientAddress of(WsContext ctx) {
        ClientAddress peer = peer(ctx.session.getRemoteSocketAddress());
        return source.resolve(peer, name -> {
            List<String> values = ctx.session.getUpgradeRequest().getHeaders(name);
            return values == null ? List.of() : values;
        });
    }

    /**
     * The peer of a bare connection, before any request was read (connection limits). Behind a
     * proxy without the PROXY protocol this is the proxy.
     */
    public static ClientAddress peer(SocketAddress remote) {
        return ClientAddress.of(remote).orElse(UNKNOWN);
    }
}
