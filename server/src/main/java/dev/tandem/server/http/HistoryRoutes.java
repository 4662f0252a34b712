package dev.tandem.server.http;

import dev.tandem.server.Rejection;
import dev.tandem.server.domain.SessionStatus;
import dev.tandem.server.domain.User;
import dev.tandem.server.history.SessionHistory;
import dev.tandem.server.store.SessionQuery;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The session list with the history's filters, its CSV export, and one session's whole record. */
final class HistoryRoutes {
    private final SessionHistory history;
    private final Authenticator auth;

    HistoryRoutes(SessionHistory history, Authenticator auth) {
        this.history = history;
        this.auth = auth;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/v1/sessions", ctx -> {
            User user = auth.require(ctx);
            ctx.json(history.views(user, query(ctx)));
        });
        routes.get("/api/v1/history.csv", ctx -> {
            User user = auth.require(ctx);
            String csv = history.csv(user, query(ctx));
            ctx.header("Content-Disposition", "attachment; filename=\"tandem-history.csv\"");
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.contentType("text/csv; charset=utf-8").result(csv.getBytes(StandardCharsets.UTF_8));
        });
        routes.get("/api/v1/sessions/{id}/history", ctx ->
                ctx.json(history.session(auth.require(ctx), ctx.pathParam("id"), CallerLanguage.of(ctx))));
    }

    private static SessionQuery query(Context ctx) {
        Optional<SessionStatus> status = QueryFilters.text(ctx, "status").map(HistoryRoutes::status);
        return new SessionQuery(Optional.empty(), QueryFilters.text(ctx, "technician"), QueryFilters.text(ctx, "portal"),
                status, QueryFilters.from(ctx), QueryFilters.to(ctx),
                QueryFilters.limit(ctx, SessionQuery.DEFAULT_LIMIT, SessionQuery.MAX_LIMIT));
    }

    private static SessionStatus status(String text) {
        return switch (text) {
            case "active" -> SessionStatus.ACTIVE;
            case "ended" -> SessionStatus.ENDED;
            default -> throw Rejection.badInput("status must be 'active' or 'ended'.");
        };
    }
}
