package dev.tandem.android.link;

import dev.tandem.agent.AppInvitation;
import dev.tandem.agent.ResumeTicket;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * The link of the technician's "Invite to the app" (issue 18.1): it continues a chat the customer
 * began in the browser, as the same session, in the app. It names the session, a one-time token the
 * app resumes with, and the server: {@code https://support.example.com/join/app/s_…/TOKEN} (Android
 * opens it in the app through the {@code /join/} app link; a path prefix before {@code /join/} is
 * kept), or {@code tandem://join/app/s_…/TOKEN?server=https://...} from the page the https link shows
 * when the app was not installed yet. Immutable; {@link #toString()} never shows the token.
 */
public final class AppInviteLink {
    private static final String MARK = "/join/app/";
    private final String session;
    private final String token;
    private final String server;

    private AppInviteLink(String session, String token, String server) {
        this.session = session;
        this.token = token;
        this.server = server;
    }

    /** The link's session, token and server, or empty when {@code link} is not an app invitation. */
    public static Optional<AppInviteLink> parse(String link) {
        Optional<URI> parsed = JoinLink.uriOf(link);
        if (!parsed.isPresent()) {
            return Optional.empty();
        }
        URI uri = parsed.get();
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (scheme.equals("tandem")) {
            if (!"join".equalsIgnoreCase(uri.getHost()) || !path.startsWith("/app/")) {
                return Optional.empty();
            }
            String server = JoinLink.queryParameter(uri, "server");
            return of(path.substring("/app/".length()), server != null && server.startsWith("http") ? server : null);
        }
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
            return Optional.empty();
        }
        int at = path.lastIndexOf(MARK);
        if (at < 0) {
            return Optional.empty();
        }
        return of(path.substring(at + MARK.length()), scheme + "://" + uri.getRawAuthority() + path.substring(0, at));
    }

    private static Optional<AppInviteLink> of(String rest, String server) {
        Optional<ResumeTicket> ticket = AppInvitation.ticketIn(rest);
        return ticket.isPresent()
                ? Optional.of(new AppInviteLink(ticket.get().sessionId(), ticket.get().token(), server))
                : Optional.empty();
    }

    /** The session the app continues. */
    public String session() {
        return session;
    }

    /** The one-time token the app resumes with; the server answers the session's own token in its welcome. */
    public String token() {
        return token;
    }

    /** The server's base URL; empty for a {@code tandem://} link without one. */
    public Optional<String> server() {
        return Optional.ofNullable(server);
    }

    @Override
    public String toString() {
        return "AppInviteLink[" + session + (server == null ? "" : " at " + server) + "]";
    }
}
