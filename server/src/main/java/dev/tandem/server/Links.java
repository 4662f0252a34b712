package dev.tandem.server;

import java.net.URI;
import java.util.Optional;

/**
 * The server's public base URL and the links built on it. The base is known only once the HTTP
 * port is bound (the port may be picked at start), so it is set then. Thread-safe.
 */
public final class Links {
    private final Optional<URI> configured;
    private volatile String base = "http://localhost";

    public Links(Optional<URI> configured) {
        this.configured = configured;
    }

    void bound(int port) {
        base = configured.map(u -> stripSlash(u.toString())).orElse("http://localhost:" + port);
    }

    public String base() { return base; }

    public String join(String code) {
        return base + "/join/" + code;
    }

    public static String appLink(String code) {
        return "tandem://join/" + code;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
