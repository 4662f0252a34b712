package dev.tandem.server.edge;

import java.net.URI;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * What the plain-HTTP port ({@code --http-port}) answers to everything: {@code 308 Permanent
 * Redirect} to the same path and query over HTTPS, so a POST stays a POST. The target is the public
 * URL when it is https://, else the host the client asked for on the HTTPS port. Nothing else is
 * served there, WebSockets included. Thread-safe.
 */
final class HttpsRedirect extends Handler.Abstract {
    private final Supplier<Optional<URI>> publicUrl;
    private final Supplier<Integer> httpsPort;

    HttpsRedirect(Supplier<Optional<URI>> publicUrl, Supplier<Integer> httpsPort) {
        this.publicUrl = publicUrl;
        this.httpsPort = httpsPort;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        HttpURI uri = request.getHttpURI();
        String pathAndQuery = (uri.getPath() == null ? "/" : uri.getPath()) + (uri.getQuery() == null ? "" : "?" + uri.getQuery());
        response.setStatus(308);
        response.getHeaders().put(HttpHeader.LOCATION, target(uri) + pathAndQuery);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0);
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        callback.succeeded();
        return true;
    }

    private String target(HttpURI uri) {
        Optional<URI> configured = publicUrl.get().filter(u -> "https".equals(u.getScheme()));
        if (configured.isPresent()) {
            URI base = configured.get();
            String path = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/+$", "");
            return "https://" + base.getRawAuthority() + path;
        }
        String host = uri.getHost() == null ? "localhost" : uri.getHost();
        if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        int port = httpsPort.get();
        return "https://" + host + (port == 443 ? "" : ":" + port);
    }
}
