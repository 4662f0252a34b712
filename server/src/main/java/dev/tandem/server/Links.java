package dev.tandem.server;

import java.net.URI;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The server's public base URL and the links built on it. The base is the public URL in force at
 * the moment a link is made (an administrator may change it at run time), else
 * {@code http://localhost:PORT} (https with TLS) once the port is bound (the port may be picked at start).
 * Thread-safe.
 */
public final class Links {
    private final Supplier<Optional<URI>> publicUrl;
    private volatile int port;
    private volatile String scheme = "http";

    public Links(Optional<URI> configured) {
        this(() -> configured);
    }

    /** Links on the public URL {@code publicUrl} answers at each call. */
    public Links(Supplier<Optional<URI>> publicUrl) {
        this.publicUrl = publicUrl;
    }

    void bound(int boundPort, boolean tls) {
        this.port = boundPort;
        this.scheme = tls ? "https" : "http";
    }

    public String base() {
        return publicUrl.get().map(u -> stripSlash(u.toString()))
                .orElse(port == 0 ? scheme + "://localhost" : scheme + "://localhost:" + port);
    }

    public String join(String code) {
        return base() + "/join/" + code;
    }

    public static String appLink(String code) {
        return "tandem://join/" + code;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
