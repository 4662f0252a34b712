package dev.tandem.agent;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The technician's "Invite to the app" link (issue 18.1, docs/protocol.md §1.11): it continues a
 * chat the customer began in the browser, as the same session, on a phone —
 * {@code https://support.example.com/join/app/s_…/TOKEN}, where a path before {@code /join/} is part
 * of the server's address. The phone resumes the session with the link's one-time token as its
 * ticket, on the server it was told to use. The Android app and {@code tandem device} read it here. Immutable; {@link #toString()}
 * never shows the token.
 */
public final class AppInvitation {
    private static final Pattern SESSION = Pattern.compile("s_[A-Za-z0-9]{1,64}");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{16,128}");
    private static final String MARK = "/join/app/";

    private final ResumeTicket ticket;

    private AppInvitation(ResumeTicket ticket) {
        this.ticket = ticket;
    }

    /** The invitation in an http(s) link, or empty when {@code link} is not one. */
    public static Optional<AppInvitation> parse(String link) {
        URI uri;
        try {
            uri = new URI(link == null ? "" : link.trim());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        int at = path.lastIndexOf(MARK);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null || at < 0) {
            return Optional.empty();
        }
        return ticketIn(path.substring(at + MARK.length()))
                .map(AppInvitation::new);
    }

    /** The session and token in the {@code s_…/TOKEN} end of an invitation link, if they are well formed. */
    public static Optional<ResumeTicket> ticketIn(String sessionAndToken) {
        String rest = sessionAndToken.endsWith("/")
                ? sessionAndToken.substring(0, sessionAndToken.length() - 1) : sessionAndToken;
        String[] parts = rest.split("/", -1);
        if (parts.length != 2 || !SESSION.matcher(parts[0]).matches() || !TOKEN.matcher(parts[1]).matches()) {
            return Optional.empty();
        }
        return Optional.of(new ResumeTicket(parts[0], parts[1]));
    }

    /** The session to continue and the one-time token to resume it with. */
    public ResumeTicket ticket() {
        return ticket;
    }

    @Override
    public String toString() {
        return "AppInvitation[" + ticket.sessionId() + "]";
    }
}
