package dev.tandem.server.live;

import dev.tandem.protocol.Limits;
import dev.tandem.protocol.ProtocolException;
import dev.tandem.protocol.TandemStatus;
import dev.tandem.protocol.message.AgentMessage;
import dev.tandem.protocol.message.Capabilities;
import dev.tandem.protocol.message.DeviceInfo;
import dev.tandem.protocol.message.ServerMessage;
import dev.tandem.server.audit.AuditAction;
import dev.tandem.server.audit.AuditLog;
import dev.tandem.server.auth.Secrets;
import dev.tandem.server.cluster.SessionOwners;
import dev.tandem.server.codes.SessionCodes;
import dev.tandem.server.domain.CodeStatus;
import dev.tandem.server.domain.IssuedCode;
import dev.tandem.server.domain.Portal;
import dev.tandem.server.domain.User;
import dev.tandem.server.i18n.Phrase;
import dev.tandem.server.records.SystemNotices;
import dev.tandem.server.store.CodeStore;
import dev.tandem.server.store.SessionStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a session starts and how its phone comes back: a hello with a code (join), a hello with a
 * resume token (resume), or a technician taking a chat request (a session whose customer connects
 * later). The session row is written and on disk before its token is handed out; from then on the
 * session's state changes on its {@link SessionLoop}. Part of {@link LiveSessions}. Thread-safe.
 */
final class Arrivals {
    private static final Logger LOG = LoggerFactory.getLogger(LiveSessions.class);
    /** Neither the session's token nor a live invite's matched: a stale resume, or a used or expired app link. */
    static final String RESUME_OR_INVITE_REJECTED = "This device can no longer rejoin the session, or the link to"
            + " continue in the app was already used or has expired. Ask your technician for a new code or invitation.";
    private final LiveSessions core;
    private final SessionStore sessions;
    private final CodeStore codeStore;
    private final SessionCodes codes;
    private final Transcript transcript;
    private final AuditLog audit;
    private final Clock clock;
    private final Duration heartbeat;
    private final SessionOwners owners;
    private final Ownership ownership;

    Arrivals(LiveSessions core, SessionStore sessions, CodeStore codeStore, SessionCodes codes, Transcript transcript,
             AuditLog audit, Clock clock, Duration heartbeat, SessionOwners owners, Ownership ownership) {
        this.owners = owners;
        this.ownership = ownership;
        this.core = core;
        this.sessions = sessions;
        this.codeStore = codeStore;
        this.codes = codes;
        this.transcript = transcript;
        this.audit = audit;
        this.clock = clock;
        this.heartbeat = heartbeat;
    }

    /** A device's hello: join with a code or resume with a token. */
    void hello(DeviceLink link, AgentMessage.Hello hello) throws ProtocolException {
        if (hello.version != Limits.PROTOCOL_VERSION) {
            throw new ProtocolException(TandemStatus.UNSUPPORTED_VERSION, "This app speaks protocol version "
                    + hello.version + "; the server speaks " + Limits.PROTOCOL_VERSION + ". Update the app.");
        }
        if (hello.resume != null) {
            resume(link, hello);
        } else if (hello.code != null) {
            join(link, hello);
        } else {
            throw new ProtocolException(TandemStatus.MALFORMED, "The hello has neither a code nor a resume token.");
        }
    }

    private void join(DeviceLink link, AgentMessage.Hello hello) throws ProtocolException {
        String name = hello.customerName == null ? "" : hello.customerName.strip();
        if (name.isEmpty() || Limits.characters(name) > Limits.MAX_NAME_CHARS) {
            throw new ProtocolException(TandemStatus.MALFORMED,
                    "Type your name (1 to " + Limits.MAX_NAME_CHARS + " characters) to join.");
        }
        if (hello.device == null || hello.capabilities == null) {
            throw new ProtocolException(TandemStatus.MALFORMED, "The hello must describe the device and its capabilities.");
        }
        IssuedCode code = codes.redeemable(hello.code, link.address());
        String id = Secrets.id("s");
        String resumeToken = Secrets.token(32);
        Instant now = clock.instant();
        // As a node of a cluster, the session is this node's from its first row (owner and epoch).
        Long epoch = sessions.jdbi().inTransaction(h -> {
            if (!codeStore.finish(h, code.id(), CodeStatus.JOINED, id)) {
                return null;
            }
            sessions.insert(h, id, code.id(), code.technicianId(), code.portal().id(), name, hello.device,
                    hello.capabilities, Secrets.sha256(resumeToken), now);
            return owners.take(h, id);
        });
        if (epoch == null) {
            throw new ProtocolException(TandemStatus.CODE_USED);
        }
        // The welcome hands out a resume token: the session behind it must survive any crash. It
        // does: a store write returns once it is on disk (store.Database).
        LiveSession session = core.newSession(id, code.technicianId(), code.technicianName(), code.portal().language(),
                code.portal().slug(), name, hello.device, hello.capabilities, 0, 0);
        session.ownerEpoch = epoch;
        core.register(session);
        session.loop.run(() -> {
            session.customerSpeaks(hello.language);
            attach(session, link, resumeToken);
            transcript.systemLine(session, SystemNotices.joined(name, hello.device));
        });
        codes.findById(code.id()).ifPresent(codes::publish);
        audit.record(AuditLog.customer(name), AuditAction.CUSTOMER_JOINED, id, Phrase.of("audit.customerJoined",
                "code", code.code(), "technician", code.technicianName(), "portal", code.portal().slug(),
                "address", link.address().text(), "phone", hello.device.manufacturer + " " + hello.device.model
                        + ", Android " + hello.device.androidVersion));
        core.publishSession(session.id);
        LOG.info("Session {} started: customer joined with a code of technician {}", id, code.technicianId());
    }

    /**
     * Opens a chat-only session for a customer's portal request, owned by {@code technician}. The
     * session row is written in one transaction with {@code claim} (the request's conditional
     * update, given the new session's id); when {@code claim} answers false nothing is written and the answer is empty. The
     * customer has no connection yet: they resume with the request's token, whose hash is
     * {@code resumeTokenHash}, within the reconnection grace, or the session ends.
     */
    Optional<String> openForRequest(User technician, Portal portal, String customerName, DeviceInfo device,
                                           Capabilities capabilities, String resumeTokenHash,
                                           java.util.function.BiPredicate<org.jdbi.v3.core.Handle, String> claim,
                                           Phrase firstLine) {
        String id = Secrets.id("s");
        Instant now = clock.instant();
        Long epoch = sessions.jdbi().inTransaction(h -> {
            if (!claim.test(h, id)) {
                return null;
            }
            sessions.insert(h, id, null, technician.id(), portal.id(), customerName, device, capabilities,
                    resumeTokenHash, now);
            return owners.take(h, id);
        });
        if (epoch == null) {
            return Optional.empty();
        }
        LiveSession session = core.newSession(id, technician.id(), technician.displayName(), portal.language(),
                portal.slug(), customerName, device, capabilities, 0, 0);
        session.ownerEpoch = epoch;
        core.register(session);
        session.loop.run(() -> {
            transcript.systemLine(session, firstLine);
            core.startGrace(session);
        });
        core.publishSession(id);
        LOG.info("Session {} started: technician {} took a chat request", id, technician.id());
        return Optional.of(id);
    }

    private void resume(DeviceLink link, AgentMessage.Hello hello) throws ProtocolException {
        LiveSession known = hello.resume.session == null ? null : core.live(hello.resume.session);
        String storedHash = hello.resume.session == null ? null
                : sessions.resumeTokenHash(hello.resume.session).orElse(null);
        boolean tokenMatches = storedHash != null && hello.resume.token != null && MessageDigest.isEqual(
                storedHash.getBytes(StandardCharsets.US_ASCII),
                Secrets.sha256(hello.resume.token).getBytes(StandardCharsets.US_ASCII));
        // Not the session's token: perhaps an "Invite to the app" link's, spent here once (issue 18.1).
        Optional<AppInvites> invites = tokenMatches ? Optional.empty() : appInvites();
        Optional<String> appToken = invites.isPresent() ? invites.get().spend(hello) : Optional.empty();
        if (!tokenMatches && appToken.isEmpty()) {
            throw new ProtocolException(TandemStatus.RESUME_REJECTED,
                    invites.isPresent() ? RESUME_OR_INVITE_REJECTED : TandemStatus.RESUME_REJECTED.message());
        }
        // As a node: a session another node held (it died, stalled or is stopping) resumes here.
        LiveSession session = known != null ? known : ownership.forResume(hello.resume.session);
        if (session == null) {
            throw new ProtocolException(TandemStatus.SESSION_ENDED);
        }
        session.loop.callRefusing(() -> {
            if (session.ended) {
                throw new ProtocolException(TandemStatus.SESSION_ENDED);
            }
            if (!ownership.take(session)) {
                core.moved(session); // ended on another node meanwhile: nothing of it stays here
                throw new ProtocolException(TandemStatus.SESSION_ENDED);
            }
            if (appToken.isPresent()) {
                invites.get().tookOver(session, hello, link);
            }
            if (session.link != null && session.link != link) {
                session.link.close(TandemStatus.REPLACED, TandemStatus.REPLACED.message());
            }
            session.cancelGrace();
            session.customerSpeaks(hello.language);
            attach(session, link, appToken.orElse(null));
            transcript.replay(session, link, hello.lastSeq);
            if (appToken.isPresent()) {
                invites.get().continued(session, link);
            }
            return null;
        });
        audit.record(AuditLog.customer(session.customerName), AuditAction.CUSTOMER_RECONNECTED, session.id,
                Phrase.of("audit.customerReconnected", "address", link.address().text()));
        core.publishSession(session.id);
        LOG.info("Session {}: device resumed", session.id);
    }

    private Optional<AppInvites> appInvites() {
        return core.features().stream().filter(AppInvites.class::isInstance).map(AppInvites.class::cast).findFirst();
    }

    private void attach(LiveSession session, DeviceLink link, String resumeToken) {
        session.link = link;
        link.joined(session);
        link.send(new ServerMessage.Welcome(Limits.PROTOCOL_VERSION, session.id, resumeToken, session.technicianName,
                session.portalSlug, session.customerLanguage.tag(), (int) heartbeat.toSeconds(), session.lastCseq));
        core.attached(session);
    }
}
