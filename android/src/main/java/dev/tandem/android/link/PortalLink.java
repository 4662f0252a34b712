package dev.tandem.android.link;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which support portal a customer means when they ask for help: a portal link
 * ({@code https://support.example.com/portal/acme}, the server's customer page, which also names the
 * server) or just the portal's name as the team wrote it ({@code acme}). Pure Java and immutable.
 */
public final class PortalLink {
    /** What the server accepts as a portal slug. */
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{1,63}");

    private final String slug;
    private final String server;

    private PortalLink(String slug, String server) {
        this.slug = slug;
        this.server = server;
    }

    /** The portal in {@code typed}, or empty when it is neither a portal link nor a portal name. */
    public static Optional<PortalLink> parse(String typed) {
        String text = typed == null ? "" : typed.trim();
        if (text.contains("://")) {
            return fromLink(text);
        }
        String slug = text.toLowerCase(Locale.ROOT);
        return SLUG.matcher(slug).matches() ? Optional.of(new PortalLink(slug, null)) : Optional.empty();
    }

    private static Optional<PortalLink> fromLink(String link) {
        URI uri;
        try {
            uri = new URI(link);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        int at = path.lastIndexOf("/portal/");
        if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null || at < 0) {
            return Optional.empty();
        }
        String slug = path.substring(at + "/portal/".length()).replaceAll("/+$", "").toLowerCase(Locale.ROOT);
        if (!SLUG.matcher(slug).matches()) {
            return Optional.empty();
        }
        return Optional.of(new PortalLink(slug, scheme + "://" + uri.getRawAuthority() + path.substring(0, at)));
    }

    public String slug() {
        return slug;
    }

    /** The server's base URL when the customer gave a link; empty for a bare name. */
    public Optional<String> server() {
        return Optional.ofNullable(server);
    }

    @Override
    public String toString() {
        return "PortalLink[" + slug + (server == null ? "" : " at " + server) + "]";
    }
}
