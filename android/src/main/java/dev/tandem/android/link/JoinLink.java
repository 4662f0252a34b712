package dev.tandem.android.link;

import dev.tandem.protocol.SessionCode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * What a tapped join link tells the app: the session code and, for an {@code https} link, the server
 * it came from. {@code https://support.example.com/join/123456789} names both (a path prefix before
 * {@code /join/} is kept, for servers behind a reverse proxy); {@code tandem://join/123456789} names
 * only the code, and may add {@code ?server=https://...}. Immutable.
 */
public final class JoinLink {
    private final SessionCode code;
    private final String server;

    private JoinLink(SessionCode code, String server) {
        this.code = code;
        this.server = server;
    }

    /** The link's code and server, or empty when {@code link} is not a Tandem join link with a valid code. */
    public static Optional<JoinLink> parse(String link) {
        Optional<URI> parsed = uriOf(link);
        if (!parsed.isPresent()) {
            return Optional.empty();
        }
        URI uri = parsed.get();
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (scheme.equals("tandem")) {
            if (!"join".equalsIgnoreCase(uri.getHost())) {
                return Optional.empty();
            }
            Optional<SessionCode> code = SessionCode.parse(strip(path));
            String server = queryParameter(uri, "server");
            return code.map(c -> new JoinLink(c, server != null && server.startsWith("http") ? server : null));
        }
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return Optional.empty();
        }
        int at = path.lastIndexOf("/join/");
        if (at < 0 || uri.getHost() == null) {
            return Optional.empty();
        }
        Optional<SessionCode> code = SessionCode.parse(strip(path.substring(at + "/join/".length())));
        String base = scheme + "://" + uri.getRawAuthority() + path.substring(0, at);
        return code.map(c -> new JoinLink(c, base));
    }

    public SessionCode code() {
        return code;
    }

    /** The server's base URL, e.g. {@code https://support.example.com}; empty for a {@code tandem://} link without one. */
    public Optional<String> server() {
        return Optional.ofNullable(server);
    }

    private static String strip(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    /** {@code link} as a URI, or empty when there is none or it is not one (also used by {@link AppInviteLink}). */
    static Optional<URI> uriOf(String link) {
        if (link == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new URI(link.trim()));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** A query parameter of {@code uri} as written (also read by {@link AppInviteLink}). */
    static String queryParameter(URI uri, String name) {
        String query = uri.getQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return pair.substring(eq + 1);
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "JoinLink[" + code + (server == null ? "" : " at " + server) + "]";
    }
}
