package dev.tandem.server.edge;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How the server meets the internet, already validated: where it listens, its certificate, which
 * proxies it believes, whose bearer reads {@code /metrics}, where outgoing TLS finds a private CA,
 * the key that seals secrets at rest, and where the access log goes.
 *
 * @param bind           the address to listen on; empty = every interface
 * @param tls            certificate chain and key (PEM); empty = plain HTTP
 * @param httpPort       with TLS, a plain-HTTP port that redirects to HTTPS (0 = a free one)
 * @param trustedProxies the proxies whose {@code Forwarded}/{@code X-Forwarded-*} headers are believed
 * @param proxyProtocol  the listener expects the PROXY protocol (v1 or v2) before every connection
 * @param caFile         extra certificate authorities (PEM) for outgoing TLS: SMTP, the identity provider
 * @param metricsToken   the bearer {@code /metrics} accepts besides an administrator's ({@code TANDEM_METRICS_TOKEN})
 * @param secretKey      the key of the secret box ({@code TANDEM_SECRET_KEY}); empty = {@code <data>/secret.key}
 * @param accessLog      where one line per request goes
 */
public record EdgeSettings(Optional<String> bind, Optional<TlsFiles> tls, OptionalInt httpPort,
                           TrustedProxies trustedProxies, boolean proxyProtocol, Optional<Path> caFile,
                           Optional<String> metricsToken, Optional<String> secretKey, AccessLogTarget accessLog) {

    /** Plain HTTP on every interface, no proxy believed, access log on the server's output. */
    public static EdgeSettings defaults() {
        return new EdgeSettings(Optional.empty(), Optional.empty(), OptionalInt.empty(), TrustedProxies.none(), false,
                Optional.empty(), Optional.empty(), Optional.empty(), AccessLogTarget.OUTPUT);
    }

    /** The certificate chain and private key files, both PEM. */
    public record TlsFiles(Path certificate, Path key) {
    }

    /** Where the access log goes. */
    public enum AccessLogTarget {
        /** The server's output, through the {@code tandem.access} logger. */
        OUTPUT,
        /** {@code <data>/access.log}. */
        FILE,
        OFF
    }

    public EdgeSettings withBind(String address) {
        return new EdgeSettings(Optional.of(address), tls, httpPort, trustedProxies, proxyProtocol, caFile,
                metricsToken, secretKey, accessLog);
    }

    public EdgeSettings withTls(TlsFiles files) {
        return new EdgeSettings(bind, Optional.of(files), httpPort, trustedProxies, proxyProtocol, caFile,
                metricsToken, secretKey, accessLog);
    }

    public EdgeSettings withHttpPort(int port) {
        return new EdgeSettings(bind, tls, OptionalInt.of(port), trustedProxies, proxyProtocol, caFile,
                metricsToken, secretKey, accessLog);
    }

    public EdgeSettings withTrustedProxies(TrustedProxies proxies) {
        return new EdgeSettings(bind, tls, httpPort, proxies, proxyProtocol, caFile, metricsToken, secretKey,
                accessLog);
    }

    public EdgeSettings withProxyProtocol(boolean on) {
        return new EdgeSettings(bind, tls, httpPort, trustedProxies, on, caFile, metricsToken, secretKey, accessLog);
    }

    public EdgeSettings withCaFile(Path file) {
        return new EdgeSettings(bind, tls, httpPort, trustedProxies, proxyProtocol, Optional.of(file), metricsToken,
                secretKey, accessLog);
    }

    public EdgeSettings withMetricsToken(String token) {
        return new EdgeSettings(bind, tls, httpPort, trustedProxies, proxyProtocol, caFile, Optional.of(token),
                secretKey, accessLog);
    }

    public EdgeSettings withSecretKey(String key) {
        return new EdgeSettings(bind, tls, httpPort, trustedProxies, proxyProtocol, caFile, metricsToken,
                Optional.of(key), accessLog);
    }

    public EdgeSettings withAccessLog(AccessLogTarget target) {
        return new EdgeSettings(bind, tls, httpPort, trustedProxies, proxyProtocol, caFile, metricsToken, secretKey,
                target);
    }

    @Override
    public String toString() {
        return "EdgeSettings[bind=" + bind + ", tls=" + tls + ", httpPort=" + httpPort + ", trustedProxies="
                + trustedProxies + ", proxyProtocol=" + proxyProtocol + ", caFile=" + caFile + ", metricsToken="
                + metricsToken.map(t -> "***") + ", secretKey=" + secretKey.map(k -> "***") + ", accessLog=" + accessLog + "]";
    }
}
