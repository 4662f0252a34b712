package dev.tandem.server.http;

import dev.tandem.server.LogText;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.tandem.protocol.JsonProblem;
import dev.tandem.protocol.TandemStatus;
import dev.tandem.server.ErrorCode;
import dev.tandem.server.Rejection;
import dev.tandem.server.store.Database;
import dev.tandem.server.view.ErrorView;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
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
            write(ctx, e.refusal(), e.getMessage());
        });
        routes.exception(JsonProcessingException.class, (e, ctx) -> write(ctx, ErrorCode.MALFORMED_JSON,
                JsonProblem.describe("The request body", e)));
        routes.exception(Exception.class, (e, ctx) -> {
            if (Database.isUnavailable(e)) {
                LOG.warn("{} {} refused: the database is unavailable ({})", ctx.method(), LogText.escape(ctx.path()), rootMessage(e));
                ctx.header("Retry-After", "5");
                write(ctx, ErrorCode.SERVER_UNAVAILABLE, TandemStatus.SERVER_UNAVAILABLE.message());
                return;
            }
            LOG.error("Unexpected failure on {} {}", ctx.method(), LogText.escape(ctx.path()), e);
            write(ctx, ErrorCode.SERVER_ERROR, TandemStatus.SERVER_ERROR.message());
        });
        // Answers Javalin and Jetty give on their own (no route, wrong method, body over the limit)
        // get the same JSON shape on the API as every other refusal.
        apiError(routes, ErrorCode.NOT_FOUND, ctx -> "There is no " + ctx.method() + " " + ctx.path() + " in the Tandem API.");
        apiError(routes, ErrorCode.METHOD_NOT_ALLOWED, ctx -> ctx.method() + " is not allowed on " + ctx.path() + ".");
        apiError(routes, ErrorCode.BODY_TOO_LARGE, ctx -> "The request body is too large.");
    }

    /** An error as the answer a forwarded command carries back: entry, sentence, when to come back. */
    record Refusal(ErrorCode code, String message, java.util.Optional<java.time.Duration> retryAfter) {
    }

    /**
     * The same decisions as the handlers above, for a command run for another node (the owner has
     * no {@link Context} of the caller's): its {@link Rejection}, the database away, or a bug.
     */
    static Refusal refusal(Exception e, String what) {
        if (e instanceof Rejection rejection) {
            return new Refusal(rejection.refusal(), rejection.getMessage(), rejection.retryAfter());
        }
        if (e instanceof JsonProcessingException json) {
            return new Refusal(ErrorCode.MALFORMED_JSON, JsonProblem.describe("The request body", json), java.util.Optional.empty());
        }
        if (Database.isUnavailable(e)) {
            LOG.warn("{} refused: the database is unavailable ({})", what, rootMessage(e));
            return new Refusal(ErrorCode.SERVER_UNAVAILABLE, TandemStatus.SERVER_UNAVAILABLE.message(),
                    java.util.Optional.of(java.time.Duration.ofSeconds(5)));
        }
        LOG.error("Unexpected failure on {}", what, e);
        return new Refusal(ErrorCode.SERVER_ERROR, TandemStatus.SERVER_ERROR.message(), java.util.Optional.empty());
    }

    /** The JSON body of an error answer. */
    static ErrorView body(ErrorCode refusal, String message) {
        return new ErrorView(new ErrorView.Body(refusal.code(), message));
    }

    /** An answer written by hand (a forwarded one): the 404/405/413 handlers above must leave it alone. */
    static void markWritten(Context ctx) {
        ctx.attribute(WRITTEN, Boolean.TRUE);
    }

    private static void apiError(RoutesConfig routes, ErrorCode refusal,
                                 java.util.function.Function<Context, String> message) {
        routes.error(refusal.httpStatus(), ctx -> {
            if (ctx.path().startsWith("/api/") && ctx.attribute(WRITTEN) == null) {
                write(ctx, refusal, message.apply(ctx));
            }
        });
    }

    /**
     * The one answer for a WebSocket whose handler failed: the database away closes with 4503 (the
     * peer comes back by itself), anything else with 4500; the reason is a sentence, never a Java
     * name or a message from inside.
     */
    public static void registerSockets(RoutesConfig routes) {
        routes.wsException(Exception.class, (e, ctx) -> {
            TandemStatus status = Database.isUnavailable(e) ? TandemStatus.SERVER_UNAVAILABLE : TandemStatus.SERVER_ERROR;
            if (status == TandemStatus.SERVER_ERROR) {
                LOG.error("Unexpected failure on a WebSocket", e);
            } else {
                LOG.warn("A WebSocket is closed: the database is unavailable ({})", rootMessage(e));
            }
            ctx.closeSession(status.closeCode(), status.message());
        });
    }

    static String rootMessage(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return String.valueOf(cause.getMessage());
    }

    public static void write(Context ctx, ErrorCode refusal, String message) {
        ctx.attribute(WRITTEN, Boolean.TRUE);
        ctx.status(refusal.httpStatus()).json(body(refusal, message));
    }
}
