package dev.tandem.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.server.Rejection;
import dev.tandem.server.domain.User;
import dev.tandem.server.replies.CannedReplies;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * Canned replies (issue 18): {@code /replies} is the caller's own list (their personal replies,
 * which they change, plus every portal's shared ones), {@code /portals/{slug}/replies} a portal's
 * shared replies, read by every technician and changed by administrators, like the portal itself.
 */
final class CannedReplyRoutes {
    private final CannedReplies replies;
    private final Authenticator auth;
    private final Bodies bodies;

    CannedReplyRoutes(CannedReplies replies, Authenticator auth, Bodies bodies) {
        this.replies = replies;
        this.auth = auth;
        this.bodies = bodies;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/v1/replies", ctx -> ctx.json(replies.usableBy(auth.require(ctx))));
        routes.post("/api/v1/replies", ctx -> {
            User user = auth.require(ctx);
            JsonNode body = bodies.object(ctx);
            ctx.status(201).json(replies.addPersonal(user, Bodies.text(body, "shortcut").orElse(null),
                    Bodies.text(body, "text").orElse(null)));
        });
        routes.put("/api/v1/replies/{id}", ctx -> {
            User user = auth.require(ctx);
            JsonNode body = bodies.object(ctx);
            ctx.json(replies.change(user, Optional.empty(), id(ctx), Bodies.text(body, "shortcut"), Bodies.text(body, "text")));
        });
        routes.delete("/api/v1/replies/{id}", ctx -> {
            replies.remove(auth.require(ctx), Optional.empty(), id(ctx));
            ctx.status(204);
        });
        routes.get("/api/v1/portals/{slug}/replies", ctx -> {
            auth.require(ctx);
            ctx.json(replies.ofPortal(ctx.pathParam("slug")));
        });
        routes.post("/api/v1/portals/{slug}/replies", ctx -> {
            User admin = auth.requireAdmin(ctx);
            JsonNode body = bodies.object(ctx);
            ctx.status(201).json(replies.addShared(admin, ctx.pathParam("slug"), Bodies.text(body, "shortcut").orElse(null),
                    Bodies.text(body, "text").orElse(null)));
        });
        routes.put("/api/v1/portals/{slug}/replies/{id}", ctx -> {
            User admin = auth.requireAdmin(ctx);
            JsonNode body = bodies.object(ctx);
            ctx.json(replies.change(admin, Optional.of(ctx.pathParam("slug")), id(ctx), Bodies.text(body, "shortcut"),
                    Bodies.text(body, "text")));
        });
        routes.delete("/api/v1/portals/{slug}/replies/{id}", ctx -> {
            replies.remove(auth.requireAdmin(ctx), Optional.of(ctx.pathParam("slug")), id(ctx));
            ctx.status(204);
        });
    }

    /** A reply's id from the path; anything but a number is a reply that does not exist. */
    private static long id(Context ctx) {
        String id = ctx.pathParam("id");
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw Rejection.notFound("There is no canned reply '" + id + "'.");
        }
    }
}
