package dev.tandem.server.http;

import dev.tandem.server.http.SessionCommands.Answer;
import dev.tandem.server.http.SessionCommands.Input;
import dev.tandem.server.teams.Availability;
import dev.tandem.server.teams.Transfers;
import io.javalin.config.RoutesConfig;
import io.javalin.http.HandlerType;

/**
 * Issue 18.2, transfer and collaborate (docs/transfer.md). Transfer, invite, leave and passing
 * control act on the live session, so they are {@link SessionCommands} commands and run on the node
 * that owns it; the team and the availabilities are read from the database wherever they arrive.
 */
final class TeamRoutes {
    private final Transfers transfers;
    private final Availability availability;
    private final Authenticator auth;
    private final Bodies bodies;

    TeamRoutes(Transfers transfers, Availability availability, Authenticator auth, Bodies bodies,
               SessionCommands commands) {
        this.transfers = transfers;
        this.availability = availability;
        this.auth = auth;
        this.bodies = bodies;
        commands.add("team.transfer", HandlerType.POST, "/api/v1/sessions/{id}/transfer", Input.BODY, call -> {
            String note = Bodies.text(call.body(), "note").orElse(null);
            // To a portal's queue with "portal", to a technician with "technician".
            java.util.Optional<String> portal = Bodies.text(call.body(), "portal");
            return portal.isPresent() && Bodies.text(call.body(), "technician").isEmpty()
                    ? new Answer(202, transfers.toQueue(call.user(), call.sessionId(), portal.get(), note))
                    : new Answer(200, transfers.transfer(call.user(), call.sessionId(),
                            Bodies.text(call.body(), "technician").orElse(null), note));
        });
        commands.add("team.claim", HandlerType.POST, "/api/v1/sessions/{id}/claim", Input.NOTHING, call ->
                new Answer(200, transfers.claim(call.user(), call.sessionId())));
        commands.add("team.invite", HandlerType.POST, "/api/v1/sessions/{id}/helpers", Input.BODY, call ->
                new Answer(201, transfers.invite(call.user(), call.sessionId(),
                        Bodies.text(call.body(), "technician").orElse(null))));
        commands.add("team.leave", HandlerType.POST, "/api/v1/sessions/{id}/leave", Input.BODY, call ->
                new Answer(200, transfers.leave(call.user(), call.sessionId(),
                        Bodies.text(call.body(), "technician").orElse(call.user().username()))));
        commands.add("team.control", HandlerType.POST, "/api/v1/sessions/{id}/control", Input.BODY, call ->
                new Answer(200, transfers.passControl(call.user(), call.sessionId(),
                        Bodies.text(call.body(), "technician").orElse(null))));
    }

    void register(RoutesConfig routes) {
        routes.get("/api/v1/sessions/{id}/team", ctx -> ctx.json(transfers.team(auth.require(ctx), ctx.pathParam("id"))));
        routes.get("/api/v1/availability", ctx -> {
            auth.require(ctx);
            ctx.json(availability.list());
        });
        routes.put("/api/v1/availability", ctx -> ctx.json(availability.set(auth.require(ctx),
                Bodies.text(bodies.object(ctx), "status").orElse(null))));
    }
}
