package dev.tandem.server.live;

import dev.tandem.protocol.TandemStatus;
import dev.tandem.protocol.message.AgentMessage;
import dev.tandem.protocol.message.ServerMessage;
import dev.tandem.server.ErrorCode;
import dev.tandem.server.Links;
import dev.tandem.server.Rejection;
import dev.tandem.server.audit.AuditAction;
import dev.tandem.server.audit.AuditLog;
import dev.tandem.server.auth.Secrets;
import dev.tandem.server.domain.User;
import dev.tandem.server.i18n.Phrase;
import dev.tandem.server.store.AppInviteStore;
import dev.tandem.server.view.AppInviteView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * From chat to the app, same session (issue 18.1). The technician invites a chat-only customer (the
 * browser chat, a portal request) to continue in the app: the customer's chat gets a link with a
 * one-time token, and the app that opens it resumes THIS session with that token, as a phone with
 * its real capabilities. The token lives in the database (its hash, spent once, for
 * {@link #VALID_FOR}), so the app may land on any node; it is never part of the transcript, so the
 * history never holds a usable secret. The invite itself is a live call (the link goes to the
 * customer's open socket), run on the owner node like every session command. Thread-safe.
 */
public final class AppInvites implements SessionFeature {
    /** Long enough to install the app from the store, short enough that a forwarded link soon dies. */
    public static final Duration VALID_FOR = Duration.ofMinutes(10);
    private final LiveSessions sessions;
    private final AppInviteStore store;
    private final Links links;
    private final AuditLog audit;
    private final Clock clock;

    public AppInvites(LiveSessions sessions, AppInviteStore store, Links links, AuditLog audit, Clock clock) {
        this.sessions = sessions;
        this.store = store;
        this.links = links;
        this.audit = audit;
        this.clock = clock;
    }

    /** "Invite to the app": the link goes to the customer's chat now, with a line in the transcript. */
    public AppInviteView invite(User user, String sessionId) {
        LiveSession session = sessions.liveFor(user, sessionId);
        return session.loop.call(() -> {
            if (session.ended) {
                throw Rejection.of(TandemStatus.SESSION_ENDED);
            }
            if (session.capabilities.screen.available) {
                throw Rejection.of(ErrorCode.NOT_CHAT_ONLY, session.customerName
                        + " is already in the app (the phone can share its screen): there is nothing to move.");
            }
            if (session.link == null) {
                throw Rejection.of(ErrorCode.DEVICE_OFFLINE, session.customerName
                        + " is not connected right now; invite them to the app once they are back in the chat.");
            }
            String token = Secrets.token(32);
            Instant now = clock.instant();
            Instant expires = now.plus(VALID_FOR);
            store.add(Secrets.sha256(token), session.id, user.id(), now, expires);
            String link = links.base() + "/join/app/" + session.id + "/" + token;
            sessions.systemLine(session, Phrase.of("event.appInvited", "technician", user.displayName(),
                    "customer", session.customerName));
            session.link.send(new ServerMessage.AppInvite(link, expires.toString()));
            audit.record(user.username(), AuditAction.APP_INVITED, session.id,
                    Phrase.of("audit.appInvited", "expiresAt", expires.toString()));
            return AppInviteView.of(session.id, link, expires);
        });
    }

    /**
     * The app says hello with an invite's token instead of the session's resume token: spends it and
     * answers the session's new resume token (the app's from now on; the browser's stops working), or
     * empty when the token is unknown, used, expired or names another session.
     */
    Optional<String> spend(AgentMessage.Hello hello) {
        // The app always describes itself; a hello that does not cannot take a session over.
        if (hello.resume.session == null || hello.resume.token == null || hello.device == null
                || hello.capabilities == null) {
            return Optional.empty();
        }
        String resumeToken = Secrets.token(32);
        boolean spent = store.spend(Secrets.sha256(hello.resume.token), hello.resume.session, clock.instant(),
                hello.device, hello.capabilities, Secrets.sha256(resumeToken));
        return spent ? Optional.of(resumeToken) : Optional.empty();
    }

    /**
     * The app took the session over (on the session's loop, before the app's link is attached): the
     * session now has the app's device and capabilities, and the browser is told the chat goes on in
     * the app before its socket is replaced.
     */
    void tookOver(LiveSession session, AgentMessage.Hello hello, DeviceLink app) {
        session.device = hello.device;
        session.capabilities = hello.capabilities;
        DeviceLink browser = session.link;
        if (browser != null && browser != app) {
            browser.send(new ServerMessage.MovedToApp());
            browser.close(TandemStatus.REPLACED, "The chat continues in the Tandem app.");
            session.link = null;
        }
    }

    /** After the app's welcome and the replay: the line each reader sees in their language, and the audit entry. */
    void continued(LiveSession session, DeviceLink app) {
        sessions.systemLine(session, Phrase.of("event.continuedInApp", "customer", session.customerName,
                "phone", session.device.manufacturer + " " + session.device.model));
        audit.record(AuditLog.customer(session.customerName), AuditAction.CONTINUED_IN_APP, session.id,
                Phrase.of("audit.continuedInApp", "address", app.address().text(), "phone",
                        session.device.manufacturer + " " + session.device.model + ", Android "
                                + session.device.androidVersion));
    }

    @Override
    public boolean received(LiveSession session, DeviceLink link, AgentMessage message) {
        return false;
    }

    @Override
    public void answered(LiveSession session, ServerMessage.Prompt prompt, boolean granted) {
        // Asks the customer nothing.
    }
}
