package dev.tandem.agent;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.Locale;

/**
 * Where the Tandem server is, as people write it ({@code https://support.example.com}), and where its
 * agent socket is ({@code wss://support.example.com/ws/agent}). A path prefix is kept, for servers
 * behind a reverse proxy. Immutable.
 */
public final class ServerAddress {
    private static final String AGENT_PATH = "/ws/agent";

    private final String base;
    private final URI agentSocket;

    private ServerAddress(String base, URI agentSocket) {
        this.base = base;
        this.agentSocket = agentSocket;
    }

    /**
     * Reads a server base URL ({@code http}, {@code https}, {@code ws} or {@code wss}).
     *
     * @throws IllegalArgumentException with a sentence that says what is wrong, for anything else
     */
    public static ServerAddress parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("The server address is empty: give its base URL, e.g. https://support.example.com.");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + url + "' is not a URL: give the server's base URL, e.g. https://support.example.com.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String socketScheme;
        switch (scheme) {
            case "http":
            case "ws":
                socketScheme = "ws";
                break;
            case "https":
            case "wss":
                socketScheme = "wss";
                break;
            default:
                throw new IllegalArgumentException("'" + url + "' is not an http:// or https:// URL: give the server's base URL, e.g. https://support.example.com.");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("'" + url + "' names no host: give the server's base URL, e.g. https://support.example.com.");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String prefix = path.endsWith(AGENT_PATH) ? path.substring(0, path.length() - AGENT_PATH.length()) : path;
        String authority = uri.getRawAuthority().replaceFirst("^.*@", "");
        URI socket = URI.create(socketScheme + "://" + authority + prefix + AGENT_PATH);
        return new ServerAddress(scheme + "://" + authority + prefix, socket);
    }

    /** The URL of {@code path} of the REST API, {@code http(s)://host[:port][/prefix]/api/v1/...}, for a path after {@code /api/v1}. */
    public URL api(String path) {
        String socket = agentSocket.toString();
        String http = (socket.startsWith("wss:") ? "https:" : "http:") + socket.substring(socket.indexOf(':') + 1);
        try {
            return new URL(http.substring(0, http.length() - AGENT_PATH.length()) + "/api/v1" + path);
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("Not a path of the API: " + path, e);
        }
    }

    /** The URL of the agent WebSocket, {@code ws(s)://host[:port][/prefix]/ws/agent}. */
    public URI agentSocket() { return agentSocket; }

    /** The server as the customer would recognise it, e.g. {@code https://support.example.com}. */
    @Override
    public String toString() { return base; }
}
