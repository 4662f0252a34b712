package dev.tandem.server.http;

import dev.tandem.server.LogText;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.tandem.server.Rejection;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns every failure into {@code {"error":{"code","message"}}} with the right status. */
public final class ErrorResponses {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);
    private static final String WRITTEN = "tandem.error-written";

    private ErrorResponses() {
    }

    public static void register(RoutesConfig routes) {
        routes.exception(Rejection.class, (e, ctx) -> {
            e.retryAfter().ifPresent(wait -> ctx.header("Retry-After",
                    String.valueOf(Math.max(1, (wait.toMillis() + 999) / 1000))));
            write(ctx, e.httpStatus(), e.code(), e.getMessage());
        });
        routes.exception(JsonProcessingException.class, (e, ctx) -> write(ctx, 400, "malformed_json",
                "The request body is not valid JSON: " + e.getOriginalMessage()));
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("Unexpected failure on {} {}", ctx.method(), LogText.escape(ctx.path()), e);
            write(ctx, 500, "internal_error", "Something went wrong on the server. Try again; if it persists, "
                    + "the server log has the details.");
        });
        // Answers Javalin and Jetty give on their own (no route, wrong method, body over the limit)
        // get the same JSON shape on the API as every other refusal.
        apiError(routes, 404, "not_found", ctx -> "There is no " + ctx.method() + " " + ctx.path() + " in the Tandem API.");
        apiError(routes, 405, "method_not_allowed", ctx -> ctx.method() + " is not allowed on " + ctx.path() + ".");
        apiError(routes, 413, "body_too_large", ctx -> "The request body is too large.");
    }

    private static void apiError(RoutesConfig routes, int status, String code,
                                 java.util.function.Function<Context, String> message) {
        routes.error(status, ctx -> {
            if (ctx.path().startsWith("/api/") && ctx.attribute(WRITTEN) == null) {
                write(ctx, status, code, message.apply(ctx));
            }
        });
    }

    public static void write(Context ctx, int status, String code, String message) {
        ctx.attribute(WRITTEN, Boolean.TRUE);
        ctx.status(status).json(Map.of("error", Map.of("code", code, "message", message)));
    }
}
