package dev.tandem.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.server.domain.TranscriptEntry;
import dev.tandem.server.domain.User;
import dev.tandem.server.live.LiveSessions;
import dev.tandem.server.live.ScreenSharing;
import dev.tandem.server.view.MessageView;
import io.javalin.config.RoutesConfig;

/** Sessions, their transcripts, chat from the technician, and ending. The list is in {@link HistoryRoutes}. */
final class SessionRoutes {
    private final LiveSessions sessions;
    private final Authenticator auth;
    private final Bodies bodies;

    SessionRoutes(LiveSessions sessions, Authenticator auth, Bodies bodies) {
        this.sessions = sessions;
        this.auth = auth;
        this.bodies = bodies;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/v1/sessions/{id}", ctx ->
                ctx.json(sessions.view(sessions.visible(auth.require(ctx), ctx.pathParam("id")))));
        routes.get("/api/v1/sessions/{id}/messages", ctx ->
                ctx.json(sessions.transcript(auth.require(ctx), ctx.pathParam("id")).stream()
                        .map(entry -> MessageView.of(entry, CallerLanguage.of(ctx))).toList()));
        routes.post("/api/v1/sessions/{id}/messages", ctx -> {
            User user = auth.require(ctx);
            JsonNode body = bodies.object(ctx);
            TranscriptEntry entry = sessions.postTechnicianMessage(user, ctx.pathParam("id"),
                    Bodies.text(body, "text").orElse(null));
            ctx.status(201).json(MessageView.of(entry, CallerLanguage.of(ctx)));
        });
        routes.get("/api/v1/sessions/{id}/screen", ctx ->
                ctx.json(sessions.feature(ScreenSharing.class).status(auth.require(ctx), ctx.pathParam("id"))));
        routes.post("/api/v1/sessions/{id}/screen", ctx -> {
            User user = auth.require(ctx);
            boolean control = Bodies.bool(bodies.object(ctx), "control").orElse(false);
            ctx.status(202).json(sessions.feature(ScreenSharing.class).request(user, ctx.pathParam("id"), control));
        });
        routes.delete("/api/v1/sessions/{id}/screen", ctx ->
                ctx.json(sessions.feature(ScreenSharing.class).stop(auth.require(ctx), ctx.pathParam("id"))));
        routes.post("/api/v1/sessions/{id}/end", ctx -> {
            User user = auth.require(ctx);
            sessions.endByTechnician(user, ctx.pathParam("id"));
            ctx.json(sessions.view(sessions.visible(user, ctx.pathParam("id"))));
        });
    }
}
