package dev.tandem.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.server.Rejection;
import dev.tandem.server.store.SurveyStore;
import dev.tandem.server.surveys.Surveys;
import dev.tandem.server.view.SurveySummaryView;
import io.javalin.config.RoutesConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The satisfaction survey (docs/surveys.md): the customer's answer, with the one-time token their
 * client got when the session ended (no sign-in: the token is the permission), and the summary
 * for administrators.
 */
final class SurveyRoutes {
    /** The summary's period when none is given: the last 30 days. */
    private static final Duration DEFAULT_PERIOD = Duration.ofDays(30);

    private final Surveys surveys;
    private final SurveyStore store;
    private final Authenticator auth;
    private final Bodies bodies;
    private final Clock clock;

    SurveyRoutes(Surveys surveys, SurveyStore store, Authenticator auth, Bodies bodies, Clock clock) {
        this.surveys = surveys;
        this.store = store;
        this.auth = auth;
        this.bodies = bodies;
        this.clock = clock;
    }

    void register(RoutesConfig routes) {
        routes.post("/api/v1/surveys/{token}", ctx -> {
            JsonNode body = bodies.object(ctx);
            int rating = Bodies.integer(body, "rating").orElseThrow(() ->
                    Rejection.badInput("'rating' must be a whole number from 1 (bad) to 5 (very good)."));
            surveys.answer(ctx.pathParam("token"), rating, Bodies.text(body, "comment").orElse(null));
            ctx.status(204);
        });
        routes.get("/api/v1/surveys/summary", ctx -> {
            auth.requireAdmin(ctx);
            Instant to = QueryFilters.to(ctx).orElse(clock.instant());
            Instant from = QueryFilters.from(ctx).orElse(to.minus(DEFAULT_PERIOD));
            if (!from.isBefore(to)) {
                throw Rejection.badInput("'from' must come before 'to'.");
            }
            ctx.json(SurveySummaryView.of(from, to, store.byTechnician(from, to), store.byPortal(from, to)));
        });
    }
}
