package dev.tandem.server.edge;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.ConnectionMetaData;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.ProxyConnectionFactory;
import org.eclipse.jetty.server.Request;

/**
 * Applies {@link ForwardedClient} to every request at the edge, before any route sees it: a request
 * from a trusted proxy gets the client's address as its remote address and the client's scheme, so
 * {@code ctx.ip()}, the WebSocket's remote address, every limit, the audit log and the access log
 * all see the real client, and {@code isSecure()} is true when the client used HTTPS. A PROXY
 * protocol header is honoured only from a trusted proxy when {@code --trusted-proxies} is set:
 * anyone else sending one is refused. Thread-safe (stateless).
 */
final class ForwardedRequests implements HttpConfiguration.Customizer {
    private final TrustedProxies trusted;

    ForwardedRequests(TrustedProxies trusted) {
        this.trusted = trusted;
    }

    @Override
    public Request customize(Request request, HttpFields.Mutable responseHeaders) {
        checkProxyProtocolSender(request);
        if (trusted.isEmpty() || !(request.getConnectionMetaData().getRemoteSocketAddress() instanceof InetSocketAddress peer)
                || peer.getAddress() == null) {
            return request;
        }
        HttpFields headers = request.getHeaders();
        ForwardedClient client = ForwardedClient.resolve(peer.getAddress(), request.isSecure(), trusted,
                headers.getValuesList("Forwarded"), headers.getValuesList("X-Forwarded-For"),
                headers.getValuesList("X-Forwarded-Proto"));
        if (client.address().equals(peer.getAddress()) && client.secure() == request.isSecure()) {
            return request;
        }
        InetSocketAddress remote = new InetSocketAddress(client.address(), 0);
        HttpURI uri = client.secure() == request.isSecure() ? request.getHttpURI()
                : HttpURI.build(request.getHttpURI()).scheme(client.secure() ? "https" : "http").asImmutable();
        ConnectionMetaData metaData = new ConnectionMetaData.Wrapper(request.getConnectionMetaData()) {
            @Override
            public SocketAddress getRemoteSocketAddress() {
                return remote;
            }

            @Override
            public boolean isSecure() {
                return client.secure();
            }
        };
        return new Request.Wrapper(request) {
            @Override
            public HttpURI getHttpURI() {
                return uri;
            }

            @Override
            public boolean isSecure() {
                return client.secure();
            }

            @Override
            public ConnectionMetaData getConnectionMetaData() {
                return metaData;
            }
        };
    }

    /** With --trusted-proxies, only those may say who the client is in a PROXY protocol header. */
    private void checkProxyProtocolSender(Request request) {
        EndPoint endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
        if (trusted.isEmpty() || !(endPoint instanceof ProxyConnectionFactory.ProxyEndPoint proxied)) {
            return;
        }
        SocketAddress sender = proxied.unwrap().getRemoteSocketAddress();
        if (!(sender instanceof InetSocketAddress inet) || inet.getAddress() == null || !trusted.trusts(inet.getAddress())) {
            throw new BadMessageException(403, "PROXY protocol header from an address that is not a trusted proxy");
        }
    }

}
