package dev.tandem.protocol;

/**
 * Every way a request or a connection can be refused, with the same meaning on every path: the
 * machine code used in REST errors, the HTTP status, the WebSocket close code, whether a device
 * should stop reconnecting, and the exit code of {@code tandem device}.
 */
public enum TandemStatus {
    MALFORMED("malformed", 400, 4000, true, 5, "The message does not follow the Tandem protocol."),
    UNSUPPORTED_VERSION("unsupported_version", 400, 4001, true, 5,
            "This app speaks a protocol version the server does not support. Update the app."),
    HANDSHAKE_TIMEOUT("handshake_timeout", 408, 4002, false, 5, "The device did not introduce itself in time."),
    CODE_NOT_FOUND("code_not_found", 404, 4004, true, 3,
            "There is no session with this code. Check the nine digits or ask your technician for a new code."),
    CODE_USED("code_used", 410, 4010, true, 3,
            "This code has already been used. Ask your technician for a new code."),
    CODE_EXPIRED("code_expired", 410, 4011, true, 3,
            "This code has expired. Ask your technician for a new code."),
    CODE_CANCELLED("code_cancelled", 410, 4012, true, 3,
            "The technician cancelled this code. Ask your technician for a new code."),
    SESSION_ENDED("session_ended", 410, 4013, true, 0, "The session has ended."),
    RESUME_REJECTED("resume_rejected", 403, 4014, true, 5,
            "This device can no longer rejoin the session. Ask your technician for a new code."),
    REPLACED("replaced", 409, 4020, true, 5, "The session was resumed from another connection."),
    RATE_LIMITED("rate_limited", 429, 4029, true, 4,
            "Too many wrong codes from this address. Wait a few minutes and try again."),
    SCREEN_UNAVAILABLE("screen_unavailable", 409, 4030, true, 5, "This phone cannot share its screen."),
    SCREEN_NOT_SHARED("screen_not_shared", 409, 4031, true, 5,
            "The screen is not shared: ask the customer first, or they declined."),
    SCREEN_STOPPED("screen_stopped", 409, 4032, true, 5, "The customer stopped sharing the screen."),
    DEVICE_OFFLINE("device_offline", 409, 4033, false, 5,
            "The customer's phone is not connected right now; it is reconnecting."),
    HEARTBEAT_TIMEOUT("heartbeat_timeout", 408, 4408, false, 5, "Nothing was heard from the peer for too long."),
    /** The server cannot reach its database (or disk) for a moment: come back by itself. */
    SERVER_UNAVAILABLE("server_unavailable", 503, 4503, false, 5,
            "The server cannot save anything right now; it is reconnecting to its database. Try again in a few seconds."),
    /** Something failed inside the server; the peer may try again. */
    SERVER_ERROR("internal_error", 500, 4500, false, 5,
            "Something went wrong on the server. Try again; if it persists, the server log has the details.");

    private final String code;
    private final int httpStatus;
    private final int closeCode;
    private final boolean finalClose;
    private final int exitCode;
    private final String message;

    TandemStatus(String code, int httpStatus, int closeCode, boolean finalClose, int exitCode, String message) {
        this.code = code;
        this.httpStatus = httpStatus;
        this.closeCode = closeCode;
        this.finalClose = finalClose;
        this.exitCode = exitCode;
        this.message = message;
    }

    /** The machine-readable code of REST errors, e.g. {@code code_expired}. */
    public String code() { return code; }

    public int httpStatus() { return httpStatus; }

    public int closeCode() { return closeCode; }

    /** True when a device closed with this status must not reconnect. */
    public boolean isFinal() { return finalClose; }

    public int exitCode() { return exitCode; }

    /** A sentence for the person on the other side that says what to do next. */
    public String message() { return message; }

    /** The status behind a WebSocket close code, or {@code null} for codes outside the table. */
    public static TandemStatus fromCloseCode(int closeCode) {
        for (TandemStatus status : values()) {
            if (status.closeCode == closeCode) {
                return status;
            }
        }
        return null;
    }
}
