package dev.tandem.server;

import dev.tandem.protocol.TandemStatus;
import java.time.Duration;
import java.util.Optional;

/**
 * A request the server refuses, with a machine code and a sentence that says what to do next.
 * {@link dev.tandem.server.http.ErrorResponses} is the one place that turns it into an HTTP answer.
 */
public final class Rejection extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The kinds of refusal, each with its HTTP status. */
    public enum Kind {
        BAD_INPUT(400), UNAUTHENTICATED(401), FORBIDDEN(403), NOT_FOUND(404), CONFLICT(409), GONE(410),
        TOO_LARGE(413), RATE_LIMITED(429), BAD_GATEWAY(502);

        private final int httpStatus;

        Kind(int httpStatus) {
            this.httpStatus = httpStatus;
        }

        public int httpStatus() { return httpStatus; }
    }

    private final int httpStatus;
    private final String code;
    private final Duration retryAfter;

    private Rejection(int httpStatus, String code, String message, Duration retryAfter) {
        super(message, null, false, false);
        this.httpStatus = httpStatus;
        this.code = code;
        this.retryAfter = retryAfter;
    }

    private Rejection(int httpStatus, String code, String message) {
        this(httpStatus, code, message, null);
    }

    /** A 429 that tells the client when to come back ({@code Retry-After}, whole seconds, at least 1). */
    public static Rejection rateLimited(String code, String message, Duration retryAfter) {
        return new Rejection(Kind.RATE_LIMITED.httpStatus(), code, message, retryAfter);
    }

    /** A 503: the server cannot serve this now (its database is away) and will by itself later. */
    public static Rejection unavailable(String code, String message, Duration retryAfter) {
        return new Rejection(503, code, message, retryAfter);
    }

    public static Rejection of(Kind kind, String code, String message) {
        return new Rejection(kind.httpStatus(), code, message);
    }

    /** The same refusal a device gets as a close code, for the HTTP paths (join page, REST). */
    public static Rejection of(TandemStatus status) {
        return new Rejection(status.httpStatus(), status.code(), status.message());
    }

    public static Rejection badInput(String message) {
        return of(Kind.BAD_INPUT, "bad_input", message);
    }

    public static Rejection notFound(String what) {
        return of(Kind.NOT_FOUND, "not_found", what);
    }

    public int httpStatus() { return httpStatus; }

    /** When to try again, for a {@code Retry-After} header. */
    public Optional<Duration> retryAfter() { return Optional.ofNullable(retryAfter); }

    public String code() { return code; }
}
