package dev.tandem.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.server.Rejection;
import dev.tandem.server.domain.User;
import dev.tandem.server.files.FileShelf;
import dev.tandem.server.files.SessionFile;
import dev.tandem.server.http.SessionCommands.Answer;
import dev.tandem.server.http.SessionCommands.Input;
import dev.tandem.server.live.FileExchanges;
import io.javalin.config.RoutesConfig;
import io.javalin.http.HandlerType;

/**
 * Files both ways (docs/files.md). What needs only the database runs on whichever node the call
 * reaches: declaring a file to send, its parts, the list and a download. Offering a file and asking
 * for one reach the phone, so they are session commands, run on the node that holds it.
 */
final class FileRoutes {
    private final FileShelf shelf;
    private final Authenticator auth;
    private final Bodies bodies;

    FileRoutes(FileExchanges exchanges, Authenticator auth, Bodies bodies, SessionCommands commands) {
        this.shelf = exchanges.shelf();
        this.auth = auth;
        this.bodies = bodies;
        commands.add("files.offer", HandlerType.POST, "/api/v1/sessions/{id}/file-offers", Input.BODY, call ->
                new Answer(202, exchanges.offer(call.user(), call.sessionId(), Bodies.requiredText(call.body(), "file"))));
        commands.add("files.request", HandlerType.POST, "/api/v1/sessions/{id}/file-requests", Input.NOTHING, call ->
                new Answer(201, exchanges.request(call.user(), call.sessionId())));
    }

    void register(RoutesConfig routes) {
        routes.post("/api/v1/sessions/{id}/files", ctx -> {
            User user = auth.require(ctx);
            JsonNode body = bodies.object(ctx);
            JsonNode size = body.get("size");
            if (size == null || !size.isIntegralNumber() || !size.canConvertToLong()) {
                throw Rejection.badInput("'size' must be the file's length in bytes.");
            }
            ctx.status(201).json(shelf.declare(user, ctx.pathParam("id"), Bodies.requiredText(body, "name"),
                    size.asLong(), Bodies.text(body, "sha256").orElse(null)));
        });
        routes.put("/api/v1/sessions/{id}/files/{file}/parts/{offset}", ctx -> {
            User user = auth.require(ctx);
            long offset;
            try {
                offset = Long.parseLong(ctx.pathParam("offset"));
            } catch (NumberFormatException e) {
                throw Rejection.badInput("The part's offset must be a whole number of bytes.");
            }
            ctx.json(shelf.addPart(user, ctx.pathParam("id"), ctx.pathParam("file"), offset, ctx.bodyAsBytes()));
        });
        routes.get("/api/v1/sessions/{id}/files", ctx -> {
            User user = auth.require(ctx);
            ctx.json(shelf.list(user, ctx.pathParam("id")));
        });
        routes.get("/api/v1/sessions/{id}/files/{file}/content", ctx -> {
            User user = auth.require(ctx);
            SessionFile file = shelf.downloadable(user, ctx.pathParam("id"), ctx.pathParam("file"));
            ctx.header("Content-Disposition", "attachment; filename=\"" + file.name().replace("\"", "") + "\"");
            ctx.header("X-Content-Type-Options", "nosniff");
            // The exact length, so the phone and the browser show progress; hence no gzip, whose output
            // length differs (Jetty refused the surplus bytes: "too much content written").
            ctx.disableCompression();
            ctx.header("Content-Length", String.valueOf(file.size()));
            ctx.contentType("application/octet-stream");
            shelf.write(file, ctx.outputStream());
        });
    }
}
