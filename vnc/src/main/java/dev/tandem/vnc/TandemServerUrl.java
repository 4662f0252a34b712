package dev.tandem.vnc;

import dev.tandem.protocol.tls.TrustedCertificates;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The Tandem server's base URL as the technician gives it ({@code https://support.example.com}),
 * the addresses derived from it (REST paths and the viewer socket), and the certificate
 * authorities an {@code https://} server is checked against ({@code --ca-file}). Immutable.
 */
public record TandemServerUrl(URI base, TrustedCertificates trust) {

    /**
     * Parses an {@code http} or {@code https} URL; a path prefix is kept, a trailing slash dropped.
     *
     * @throws IllegalArgumentException with a message that shows the expected form
     */
    public static TandemServerUrl parse(String text) {
        URI uri;
        try {
            uri = URI.create(text.trim().replaceAll("/+$", ""));
        } catch (IllegalArgumentException malformed) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null || uri.getScheme() == null
                || !(uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))) {
            throw new IllegalArgumentException("'" + text + "' is not a server URL: use http:// or https:// and the"
                    + " host, e.g. http://localhost:8080.");
        }
        return new TandemServerUrl(uri, TrustedCertificates.system());
    }

    /** The same server, trusting {@code authorities} besides the system's for https:// and wss://. */
    public TandemServerUrl trusting(TrustedCertificates authorities) {
        return new TandemServerUrl(base, authorities);
    }

    /** A TLS context for this server's https:// and wss:// connections. */
    javax.net.ssl.SSLContext tls() {
        return trust.sslContext();
    }

    /** A REST address, e.g. {@code api("/api/v1/sessions/s_1")}. */
    URI api(String path) {
        return URI.create(base + path);
    }

    /** {@code ws(s)://…/ws/screen/<session>?token=<token>}: one viewer's socket. */
    URI screenSocket(String session, String token) {
        return screenSocket(session, token, java.util.Optional.empty());
    }

    /**
     * The viewer's socket with {@code &node=<node>} when the session names the node that holds the
     * phone: a load balancer in front of several nodes routes on it (docs/deployment.md).
     */
    URI screenSocket(String session, String token, java.util.Optional<String> node) {
        String scheme = base.getScheme().equalsIgnoreCase("https") ? "wss" : "ws";
        String rest = base.toString().substring(base.getScheme().length());
        return URI.create(scheme + rest + "/ws/screen/" + encode(session) + "?token=" + encode(token)
                + node.map(n -> "&node=" + encode(n)).orElse(""));
    }

    static String encode(String part) {
        return URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return base.toString();
    }
}
