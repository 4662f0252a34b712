package dev.tandem.vnc;

import java.net.InetSocketAddress;

/**
 * Where the bridge listens: {@code host:port}, or {@code :port} for the loopback address. Port 0
 * picks a free port. Immutable.
 */
public record ListenAddress(String host, int port) {
    public static final String LOOPBACK = "127.0.0.1";

    public ListenAddress {
        if (host.isBlank()) {
            throw new IllegalArgumentException("The listen address needs a host, e.g. 127.0.0.1:5900.");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("Port " + port + " is out of range: use 0 to 65535, e.g. 127.0.0.1:5900.");
        }
    }

    /**
     * Parses {@code host:port}, {@code :port} or {@code [ipv6]:port}.
     *
     * @throws IllegalArgumentException with a message that shows the expected form
     */
    public static ListenAddress parse(String text) {
        String trimmed = text.trim();
        int colon = trimmed.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("'" + text + "' is not a listen address: use host:port or :port,"
                    + " e.g. 127.0.0.1:5900.");
        }
        String host = trimmed.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(trimmed.substring(colon + 1));
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException("'" + text + "' is not a listen address: the port must be a number,"
                    + " e.g. 127.0.0.1:5900.");
        }
        return new ListenAddress(host.isEmpty() ? LOOPBACK : host, port);
    }

    InetSocketAddress socketAddress() {
        return new InetSocketAddress(host, port);
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
