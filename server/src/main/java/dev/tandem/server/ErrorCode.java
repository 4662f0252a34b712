package dev.tandem.server;

import dev.tandem.protocol.TandemStatus;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The server's one error table: every way the server refuses a request or a socket, with the machine
 * code a client reads in {@code {"error":{"code"}}}, the HTTP status, the WebSocket close code where a
 * socket can be refused this way, the exit code of {@code tandem device} where the device can meet it,
 * and the key of the console's catalogues that words it for the reader where the console does.
 *
 * <p>The wire statuses the phone and {@code tandem device} understand stay in the protocol module's
 * {@link TandemStatus} (the agent runs on Android and must not see the server's table); each of them
 * is one entry here, built from it, so the two cannot disagree. The console's copy,
 * {@code console/src/api/errorCodes.ts}, is written from this enum and {@code ErrorCodeTableTest} fails when
 * they drift.
 *
 * <p>A code names what went wrong; where today's contract answers the same code with two statuses
 * (a passkey that does not check out is a 401 at sign-in and a 403 when a signed-in user proves it is
 * them) the table has one entry per status.
 */
public enum ErrorCode {
    // The wire statuses (docs/protocol.md section 3), shared with the phone.
    MALFORMED(TandemStatus.MALFORMED, "close.4000"),
    UNSUPPORTED_VERSION(TandemStatus.UNSUPPORTED_VERSION, "close.4001"),
    HANDSHAKE_TIMEOUT(TandemStatus.HANDSHAKE_TIMEOUT, null),
    CODE_NOT_FOUND(TandemStatus.CODE_NOT_FOUND, "close.4004"),
    CODE_USED(TandemStatus.CODE_USED, "close.4010"),
    CODE_EXPIRED(TandemStatus.CODE_EXPIRED, "close.4011"),
    CODE_CANCELLED(TandemStatus.CODE_CANCELLED, "close.4012"),
    SESSION_ENDED(TandemStatus.SESSION_ENDED, "close.4013"),
    RESUME_REJECTED(TandemStatus.RESUME_REJECTED, "close.4014"),
    REPLACED(TandemStatus.REPLACED, "close.4020"),
    RATE_LIMITED(TandemStatus.RATE_LIMITED, "close.4029"),
    SCREEN_UNAVAILABLE(TandemStatus.SCREEN_UNAVAILABLE, null),
    SCREEN_NOT_SHARED(TandemStatus.SCREEN_NOT_SHARED, null),
    SCREEN_STOPPED(TandemStatus.SCREEN_STOPPED, null),
    DEVICE_OFFLINE(TandemStatus.DEVICE_OFFLINE, null),
    HEARTBEAT_TIMEOUT(TandemStatus.HEARTBEAT_TIMEOUT, null),
    SERVER_UNAVAILABLE(TandemStatus.SERVER_UNAVAILABLE, null),
    SERVER_ERROR(TandemStatus.SERVER_ERROR, null),

    // Requests in general.
    BAD_INPUT("bad_input", 400),
    MALFORMED_JSON("malformed_json", 400),
    /** Also a socket that asks for something that is not there (a chat request's socket). */
    NOT_FOUND("not_found", 404, Socket.POLICY),
    METHOD_NOT_ALLOWED("method_not_allowed", 405),
    BODY_TOO_SLOW("body_too_slow", 408),
    BODY_TOO_LARGE("body_too_large", 413),
    TOO_MANY_REQUESTS("too_many_requests", 429),

    // Who may do what (docs/identity.md).
    /** Also a console or viewer socket without a sign-in, and a console signed out by the server. */
    UNAUTHENTICATED("unauthenticated", 401, Socket.POLICY),
    INVALID_CREDENTIALS("invalid_credentials", 401),
    OTP_REQUIRED("otp_required", 401),
    INVALID_OTP("invalid_otp", 401),
    /** A signed-in user's second factor did not prove it is them (they stay signed in). */
    INVALID_OTP_PROOF("invalid_otp", 403),
    /** The first code of a two-factor set-up does not match. */
    INVALID_OTP_SETUP("invalid_otp", 400),
    TOO_MANY_ATTEMPTS("too_many_attempts", 429),
    WEAK_PASSWORD("weak_password", 400),
    WRONG_PASSWORD("wrong_password", 403),
    ENROLMENT_REQUIRED("enrolment_required", 403),
    REAUTHENTICATION_REQUIRED("reauthentication_required", 403),
    /** Also the viewer socket opened with a read-only token. */
    READ_ONLY_TOKEN("read_only_token", 403, Socket.POLICY),
    ADMIN_ONLY("admin_only", 403),
    CSRF("csrf", 403),
    PASSKEY_EXPIRED("passkey_expired", 400),
    /** A passkey set-up whose answer cannot be checked. */
    PASSKEY_UNREADABLE("passkey_refused", 400),
    /** A passkey sign-in that does not check out. */
    PASSKEY_REFUSED("passkey_refused", 401),
    /** A signed-in user's passkey did not prove it is them (they stay signed in). */
    PASSKEY_PROOF_REFUSED("passkey_refused", 403),
    /** A signed-in user's passkey proof without its fields (they stay signed in). */
    PASSKEY_PROOF_INCOMPLETE("bad_input", 403),
    PASSKEY_EXISTS("passkey_exists", 409),
    TOTP_ACTIVE("totp_active", 409),
    NO_PENDING_TOTP("no_pending_totp", 409),
    TOTP_OFF("totp_off", 409),
    SECOND_FACTOR_REQUIRED("second_factor_required", 409),

    // Administration and settings.
    SLUG_TAKEN("slug_taken", 409),
    USERNAME_TAKEN("username_taken", 409),
    CANNOT_DISABLE_SELF("cannot_disable_self", 409),
    SMTP_FAILED("smtp_failed", 502),
    APP_NOT_AVAILABLE("app_not_available", 404),
    /** A canned reply's shortcut that its portal, or its technician's own replies, already have. */
    SHORTCUT_TAKEN("shortcut_taken", 409),

    // Codes, chat requests and sessions.
    BAD_ADDRESS("bad_address", 400),
    UNKNOWN_PORTAL("unknown_portal", 400),
    TOO_MANY_LIVE_CODES("too_many_live_codes", 409),
    CODE_NOT_WAITING("code_not_waiting", 409),
    REQUESTS_DISABLED("requests_disabled", 403),
    NAME_REQUIRED("name_required", 400),
    NAME_TOO_LONG("name_too_long", 400),
    DESCRIPTION_REQUIRED("description_required", 400),
    DESCRIPTION_TOO_LONG("description_too_long", 413),
    REQUEST_ACCEPTED("request_accepted", 409),
    REQUEST_TAKEN("request_taken", 409),
    REQUEST_CANCELLED("request_cancelled", 409),
    REQUEST_EXPIRED("request_expired", 410),
    NOT_EXPIRED("not_expired", 409),
    EMPTY_MESSAGE("empty_message", 400),
    MESSAGE_TOO_LONG("message_too_long", 413),
    CONTROL_UNAVAILABLE("control_unavailable", 409),
    /** "Invite to the app" on a session whose customer is already on a phone that shares its screen (issue 18.1). */
    NOT_CHAT_ONLY("not_chat_only", 409),
    DIAGNOSTICS_UNAVAILABLE("diagnostics_unavailable", 409),
    NO_FILES("no_files", 400),
    FILE_MISSING("file_missing", 410),

    // The satisfaction survey after a session (docs/surveys.md).
    /** No survey goes with that token, or its day to answer is over. */
    SURVEY_NOT_FOUND("survey_not_found", 404),
    /** The survey was answered already; an answer is not changed afterwards. */
    SURVEY_ANSWERED("survey_answered", 409),

    // Files both ways (docs/files.md).
    /** A file larger than the settings' limit per file. */
    FILE_TOO_LARGE("file_too_large", 413),
    /** The session already holds the settings' limit of file bytes. */
    SESSION_FILES_FULL("session_files_full", 413),
    /** The customer declined the offer or the request; the file cannot be pushed or sent any more. */
    FILE_DECLINED("file_declined", 409),
    /** A step out of turn: the file is not complete, already offered, or a piece not the next. */
    FILE_NOT_READY("file_not_ready", 409),
    /** The bytes do not match what was declared (a piece's CRC-32 or the file's SHA-256). */
    FILE_DAMAGED("file_damaged", 422),
    // Point and draw on the customer's screen (docs/drawing.md).
    /** The phone cannot show drawings (an older agent, or no overlay). */
    DRAWINGS_UNAVAILABLE("drawings_unavailable", 409),
    /** The customer hid the technician's drawings on the phone. */
    DRAWINGS_HIDDEN("drawings_hidden", 409),

    // Several nodes (docs/deployment.md).
    /** The node that owns a session did not answer a forwarded command in time (gone, or the bus is away); safe to retry. */
    NODE_UNREACHABLE("node_unreachable", 503),
    /** A viewer socket reached a node that does not hold the session's phone: reconnect, to the owner. */
    SESSION_ELSEWHERE("session_elsewhere", 409, 4409);

    /** Standard WebSocket close codes the table uses (RFC 6455 section 7.4.1). */
    public static final class Socket {
        /** The peer is refused by policy: not signed in, not allowed, or not there. */
        public static final int POLICY = 1008;

        private Socket() {
        }
    }

    private static final int NONE = -1;
    private final String code;
    private final int httpStatus;
    private final int closeCode;
    private final TandemStatus wire;
    private final String messageKey;

    ErrorCode(TandemStatus wire, String messageKey) {
        this.code = wire.code();
        this.httpStatus = wire.httpStatus();
        this.closeCode = wire.closeCode();
        this.wire = wire;
        this.messageKey = messageKey;
    }

    ErrorCode(String code, int httpStatus, int closeCode) {
        this.code = code;
        this.httpStatus = httpStatus;
        this.closeCode = closeCode;
        this.wire = null;
        this.messageKey = null;
    }

    ErrorCode(String code, int httpStatus) {
        this(code, httpStatus, NONE);
    }

    /** The machine code of REST errors, e.g. {@code code_expired}. */
    public String code() { return code; }

    public int httpStatus() { return httpStatus; }

    /** The WebSocket close code, for the refusals a socket can meet. */
    public OptionalInt closeCode() { return closeCode == NONE ? OptionalInt.empty() : OptionalInt.of(closeCode); }

    /** The close code of a refusal that has one; asking for it elsewhere is a programming error. */
    public int socketCloseCode() {
        if (closeCode == NONE) {
            throw new IllegalStateException(name() + " has no WebSocket close code");
        }
        return closeCode;
    }

    /** The exit code of {@code tandem device} for the refusals the device meets. */
    public OptionalInt exitCode() { return wire == null ? OptionalInt.empty() : OptionalInt.of(wire.exitCode()); }

    /** True when a device closed with this refusal must not reconnect. */
    public boolean isFinal() { return wire != null && wire.isFinal(); }

    /** The key of the console's catalogues that words this refusal for the reader, where there is one. */
    public Optional<String> messageKey() { return Optional.ofNullable(messageKey); }

    /** The wire status behind this refusal, for the ones the phone understands. */
    public Optional<TandemStatus> wire() { return Optional.ofNullable(wire); }

    /** The table's sentence, for the wire statuses (the others are worded where they are refused). */
    public Optional<String> message() { return wire().map(TandemStatus::message); }

    /** The entry of a wire status. */
    public static ErrorCode of(TandemStatus status) {
        for (ErrorCode refusal : values()) {
            if (refusal.wire == status) {
                return refusal;
            }
        }
        throw new IllegalArgumentException("No refusal for " + status);
    }
}
