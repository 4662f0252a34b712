package dev.tandem.server.http;

import dev.tandem.server.domain.TranscriptEntry;
import dev.tandem.server.http.SessionCommands.Answer;
import dev.tandem.server.http.SessionCommands.Input;
import dev.tandem.server.live.AppInvites;
import dev.tandem.server.live.LiveSessions;
import dev.tandem.server.live.ScreenDrawings;
import dev.tandem.server.live.ScreenSharing;
import dev.tandem.server.view.MessageView;
import io.javalin.config.RoutesConfig;
import io.javalin.http.HandlerType;

/**
 * Sessions, their transcripts, chat from the technician, the screen, and ending. The list is in
 * {@link HistoryRoutes}. What acts on the live session is a {@link SessionCommands} command, so it
 * runs on the node that owns the session; reads of what is stored run wherever they arrive.
 */
final class SessionRoutes {
    private final LiveSessions sessions;
    private final Authenticator auth;

    SessionRoutes(LiveSessions sessions, Authenticator auth, SessionCommands commands) {
        this.sessions = sessions;
        this.auth = auth;
        ScreenSharing screens = sessions.feature(ScreenSharing.class);
        commands.add("message", HandlerType.POST, "/api/v1/sessions/{id}/messages", Input.BODY_AND_KEY, call -> {
            TranscriptEntry entry = sessions.postTechnicianMessage(call.user(), call.sessionId(),
                    Bodies.text(call.body(), "text").orElse(null), call.key());
            return new Answer(201, MessageView.of(entry, call.language()));
        });
        commands.add("screen.status", HandlerType.GET, "/api/v1/sessions/{id}/screen", Input.NOTHING, call ->
                new Answer(200, screens.status(call.user(), call.sessionId())));
        commands.add("screen.request", HandlerType.POST, "/api/v1/sessions/{id}/screen", Input.BODY, call -> {
            boolean control = Bodies.bool(call.body(), "control").orElse(false);
            return new Answer(202, screens.request(call.user(), call.sessionId(), control));
        });
        commands.add("screen.stop", HandlerType.DELETE, "/api/v1/sessions/{id}/screen", Input.NOTHING, call ->
                new Answer(200, screens.stop(call.user(), call.sessionId())));
        // Issue 18.1: a live call (the link goes to the customer's open chat), so it runs on the owner node.
        AppInvites invites = sessions.feature(AppInvites.class);
        commands.add("app.invite", HandlerType.POST, "/api/v1/sessions/{id}/app-invite", Input.NOTHING, call ->
                new Answer(201, invites.invite(call.user(), call.sessionId())));
        // Issue 18.7: pointer positions and strokes go to the phone over its socket, from the owner node.
        ScreenDrawings drawings = sessions.feature(ScreenDrawings.class);
        commands.add("screen.drawing", HandlerType.POST, "/api/v1/sessions/{id}/drawings", Input.BODY, call ->
                new Answer(202, drawings.draw(call.user(), call.sessionId(), call.body())));
        commands.add("end", HandlerType.POST, "/api/v1/sessions/{id}/end", Input.NOTHING, call -> {
            sessions.endByTechnician(call.user(), call.sessionId());
            return new Answer(200, sessions.view(sessions.visible(call.user(), call.sessionId())));
        });
    }

    void register(RoutesConfig routes) {
        routes.get("/api/v1/sessions/{id}", ctx ->
                ctx.json(sessions.view(sessions.visible(auth.require(ctx), ctx.pathParam("id")))));
        routes.get("/api/v1/sessions/{id}/messages", ctx ->
                ctx.json(sessions.transcript(auth.require(ctx), ctx.pathParam("id")).stream()
                        .map(entry -> MessageView.of(entry, CallerLanguage.of(ctx))).toList()));
    }
}
