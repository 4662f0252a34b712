package dev.tandem.server.http;

import dev.tandem.server.domain.User;
import dev.tandem.server.records.SessionNotes;
import io.javalin.config.RoutesConfig;

/**
 * Private session notes (issue 18), on live and ended sessions alike. Not a session command: a note
 * is written to the database and announced through the events, so any node answers it and the node
 * holding the phone is never involved (nor is the phone).
 */
final class NoteRoutes {
    private final SessionNotes notes;
    private final Authenticator auth;
    private final Bodies bodies;

    NoteRoutes(SessionNotes notes, Authenticator auth, Bodies bodies) {
        this.notes = notes;
        this.auth = auth;
        this.bodies = bodies;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/v1/sessions/{id}/notes", ctx -> ctx.json(notes.of(auth.require(ctx), ctx.pathParam("id"))));
        routes.post("/api/v1/sessions/{id}/notes", ctx -> {
            User user = auth.require(ctx);
            String text = Bodies.text(bodies.object(ctx), "text").orElse(null);
            ctx.status(201).json(notes.add(user, ctx.pathParam("id"), text));
        });
    }
}
