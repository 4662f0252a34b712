package dev.tandem.server;

import dev.tandem.protocol.TandemStatus;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A request the server refuses: an entry of the error table ({@link ErrorCode}) and a sentence that
 * says what to do next. {@link dev.tandem.server.http.ErrorResponses} is the one place that turns it
 * into an HTTP answer. It can only be built from the table, so every code and status a client sees is
 * listed there.
 */
public final class Rejection extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode refusal;
    private final Duration retryAfter;

    private Rejection(ErrorCode refusal, String message, Duration retryAfter) {
        super(message, null, false, false);
        this.refusal = Objects.requireNonNull(refusal);
        this.retryAfter = retryAfter;
    }

    /** A refusal worded where it happens. */
    public static Rejection of(ErrorCode refusal, String message) {
        return new Rejection(refusal, message, null);
    }

    /** A refusal that tells the client when to come back ({@code Retry-After}, whole seconds, at least 1). */
    public static Rejection of(ErrorCode refusal, String message, Duration retryAfter) {
        return new Rejection(refusal, message, Objects.requireNonNull(retryAfter));
    }

    /** The same refusal a device gets as a close code, for the HTTP paths (join page, REST). */
    public static Rejection of(TandemStatus status) {
        return of(ErrorCode.of(status), status.message());
    }

    public static Rejection badInput(String message) {
        return of(ErrorCode.BAD_INPUT, message);
    }

    public static Rejection notFound(String what) {
        return of(ErrorCode.NOT_FOUND, what);
    }

    /** The entry of the error table this refusal is. */
    public ErrorCode refusal() { return refusal; }

    public int httpStatus() { return refusal.httpStatus(); }

    /** When to try again, for a {@code Retry-After} header. */
    public Optional<Duration> retryAfter() { return Optional.ofNullable(retryAfter); }

    public String code() { return refusal.code(); }
}
