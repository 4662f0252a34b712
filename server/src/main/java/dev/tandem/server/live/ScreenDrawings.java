package dev.tandem.server.live;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.protocol.TandemStatus;
import dev.tandem.protocol.message.AgentMessage;
import dev.tandem.protocol.message.ServerMessage;
import dev.tandem.server.ErrorCode;
import dev.tandem.server.Rejection;
import dev.tandem.server.audit.AuditAction;
import dev.tandem.server.audit.AuditLog;
import dev.tandem.server.domain.User;
import dev.tandem.server.drawings.DrawingRate;
import dev.tandem.server.drawings.DrawingRequest;
import dev.tandem.server.events.Events;
import dev.tandem.server.i18n.Phrase;
import dev.tandem.server.view.DrawingView;
import dev.tandem.server.view.ScreenView;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Point and draw on the customer's screen (issue 18.7, docs/drawing.md). The technician's pointer
 * positions and pen strokes go to the phone as a {@code drawing} message, only while the customer
 * shares the screen, only on a phone that said it can show them (its {@code drawings} message, with
 * its screen size) and has not hidden them, within that screen, and at most {@link DrawingRate}'s
 * pace per session. The first drawing of a session is audited and told in the transcript; the
 * following ones are not (a pointer sends 20 a second). A live call, so it runs on the node that
 * owns the session, on the session's loop. Thread-safe.
 */
public final class ScreenDrawings implements SessionFeature {
    private final LiveSessions sessions;
    private final Events consoles;
    private final AuditLog audit;
    private final Clock clock;
    /** Per live session of this node: its pace and whether it drew yet. Removed when the session ends or moves. */
    private final Map<String, Pace> paces = new ConcurrentHashMap<>();

    private static final class Pace {
        final DrawingRate rate;
        boolean drew;

        Pace(Clock clock) {
            rate = new DrawingRate(clock);
        }
    }

    public ScreenDrawings(LiveSessions sessions, Events consoles, AuditLog audit, Clock clock) {
        this.sessions = sessions;
        this.consoles = consoles;
        this.audit = audit;
        this.clock = clock;
    }

    /** {@code POST /api/v1/sessions/{id}/drawings}: passes one pointer position or stroke on to the phone. */
    public DrawingView draw(User user, String sessionId, JsonNode body) {
        LiveSession session = sessions.liveFor(user, sessionId);
        DrawingRequest request = DrawingRequest.parse(body);
        return session.loop.call(() -> {
            if (session.ended) {
                throw Rejection.of(TandemStatus.SESSION_ENDED);
            }
            if (session.screen.status != ScreenState.Status.SHARING) {
                throw Rejection.of(ErrorCode.SCREEN_NOT_SHARED, "Drawings show only while " + session.customerName
                        + " shares the screen; ask to see it first.");
            }
            if (session.link == null) {
                throw Rejection.of(ErrorCode.DEVICE_OFFLINE, session.customerName
                        + "'s phone is not connected right now; draw again once it is back.");
            }
            ScreenView.Drawings surface = session.screen.drawings;
            if (surface == null) {
                throw Rejection.of(ErrorCode.DRAWINGS_UNAVAILABLE, "This phone cannot show drawings"
                        + " (its app is too old, or the accessibility service is off).");
            }
            if (surface.hidden()) {
                throw Rejection.of(ErrorCode.DRAWINGS_HIDDEN, session.customerName
                        + " hid the drawings on the phone; they show again when the customer allows it.");
            }
            ServerMessage.Drawing drawing = request.within(surface.width(), surface.height());
            Pace pace = paces.computeIfAbsent(session.id, id -> new Pace(clock));
            if (!pace.rate.take()) {
                throw Rejection.of(ErrorCode.TOO_MANY_REQUESTS, "Too many drawings: at most "
                        + DrawingRate.PER_SECOND + " a second for a session. Slow down and draw again.");
            }
            if (!pace.drew) {
                pace.drew = true;
                sessions.systemLine(session, Phrase.of("event.drawing", "technician", user.displayName(),
                        "customer", session.customerName));
                audit.record(user.username(), AuditAction.SCREEN_DRAWN, session.id,
                        Phrase.of("audit.drawing", "kind", drawing.kind));
            }
            session.link.send(drawing);
            return new DrawingView(drawing.kind, drawing.points.length);
        });
    }

    @Override
    public boolean received(LiveSession session, DeviceLink link, AgentMessage message) {
        if (!(message instanceof AgentMessage.Drawings said)) {
            return false;
        }
        if (said.width < 1 || said.height < 1 || said.width > 65535 || said.height > 65535) {
            return true; // a phone that names no usable screen keeps what it said before
        }
        ScreenView.Drawings before = session.screen.drawings;
        session.screen.drawings = new ScreenView.Drawings(said.width, said.height, said.hidden);
        if (before != null && before.hidden() != said.hidden) {
            sessions.systemLine(session, Phrase.of(said.hidden ? "event.drawingsHidden" : "event.drawingsShown",
                    "customer", session.customerName));
        }
        if (!session.screen.drawings.equals(before)) {
            consoles.screenChanged(session.technicianId, session.id, session.screen.view());
        }
        return true;
    }

    @Override
    public void answered(LiveSession session, ServerMessage.Prompt prompt, boolean granted) {
        // Asks the customer nothing: drawings ride on the screen they already share.
    }

    @Override
    public void sessionEnded(LiveSession session, DeviceLink link) {
        paces.remove(session.id);
    }
}
