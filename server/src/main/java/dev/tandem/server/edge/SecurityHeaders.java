package dev.tandem.server.edge;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;

/**
 * The headers every response carries so the console and the customer pages cannot be framed,
 * sniffed or fed inline script: a Content-Security-Policy with {@code frame-ancestors 'none'} and
 * scripts only from the server itself, {@code X-Frame-Options: DENY} for older browsers,
 * {@code nosniff}, a referrer policy that never sends a join code or token to another site, and
 * no camera, microphone or location. HTTPS responses (direct, or forwarded by a trusted proxy)
 * also carry {@code Strict-Transport-Security}. Runs after {@link ForwardedRequests}. Thread-safe.
 */
final class SecurityHeaders implements HttpConfiguration.Customizer {
    static final String STRICT_TRANSPORT_SECURITY = "max-age=31536000";

    @Override
    public Request customize(Request request, HttpFields.Mutable headers) {
        headers.put("Content-Security-Policy", ContentSecurityPolicy.CONSOLE);
        headers.put("X-Frame-Options", "DENY");
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()");
        if (request.isSecure()) {
            headers.put("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
        }
        return request;
    }
}
