// Written from the server's error table (dev.tandem.server.ErrorCode) by ErrorCodeTableTest: do not edit.
// After changing the table: ./mvnw -q -B -pl server -am verify -Dtest=ErrorCodeTableTest \
//   -Dsurefire.failIfNoSpecifiedTests=false -Dtandem.writeGenerated=true
import type { MessageKey } from '../i18n/en';

export interface ErrorCodeEntry {
  /** The machine code of a REST error, `{"error":{"code"}}`. */
  readonly code: string;
  readonly httpStatus: number;
  /** The WebSocket close code, for the refusals a socket can meet. */
  readonly closeCode?: number;
  /** The exit code of `tandem device`, for the refusals a device meets. */
  readonly exitCode?: number;
  /** True when a device closed this way must not reconnect. */
  readonly final?: boolean;
  /** The catalogue key that words it for the reader. */
  readonly messageKey?: MessageKey;
}

/** The standard close code for a peer refused by policy (not signed in, not allowed, not there). */
export const POLICY_CLOSE_CODE = 1008;

export const ERROR_CODES = {
  MALFORMED: { code: 'malformed', httpStatus: 400, closeCode: 4000, exitCode: 5, final: true, messageKey: 'close.4000' },
  UNSUPPORTED_VERSION: { code: 'unsupported_version', httpStatus: 400, closeCode: 4001, exitCode: 5, final: true, messageKey: 'close.4001' },
  HANDSHAKE_TIMEOUT: { code: 'handshake_timeout', httpStatus: 408, closeCode: 4002, exitCode: 5 },
  CODE_NOT_FOUND: { code: 'code_not_found', httpStatus: 404, closeCode: 4004, exitCode: 3, final: true, messageKey: 'close.4004' },
  CODE_USED: { code: 'code_used', httpStatus: 410, closeCode: 4010, exitCode: 3, final: true, messageKey: 'close.4010' },
  CODE_EXPIRED: { code: 'code_expired', httpStatus: 410, closeCode: 4011, exitCode: 3, final: true, messageKey: 'close.4011' },
  CODE_CANCELLED: { code: 'code_cancelled', httpStatus: 410, closeCode: 4012, exitCode: 3, final: true, messageKey: 'close.4012' },
  SESSION_ENDED: { code: 'session_ended', httpStatus: 410, closeCode: 4013, exitCode: 0, final: true, messageKey: 'close.4013' },
  RESUME_REJECTED: { code: 'resume_rejected', httpStatus: 403, closeCode: 4014, exitCode: 5, final: true, messageKey: 'close.4014' },
  REPLACED: { code: 'replaced', httpStatus: 409, closeCode: 4020, exitCode: 5, final: true, messageKey: 'close.4020' },
  RATE_LIMITED: { code: 'rate_limited', httpStatus: 429, closeCode: 4029, exitCode: 4, final: true, messageKey: 'close.4029' },
  SCREEN_UNAVAILABLE: { code: 'screen_unavailable', httpStatus: 409, closeCode: 4030, exitCode: 5, final: true },
  SCREEN_NOT_SHARED: { code: 'screen_not_shared', httpStatus: 409, closeCode: 4031, exitCode: 5, final: true },
  SCREEN_STOPPED: { code: 'screen_stopped', httpStatus: 409, closeCode: 4032, exitCode: 5, final: true },
  DEVICE_OFFLINE: { code: 'device_offline', httpStatus: 409, closeCode: 4033, exitCode: 5 },
  HEARTBEAT_TIMEOUT: { code: 'heartbeat_timeout', httpStatus: 408, closeCode: 4408, exitCode: 5 },
  SERVER_UNAVAILABLE: { code: 'server_unavailable', httpStatus: 503, closeCode: 4503, exitCode: 5 },
  SERVER_ERROR: { code: 'internal_error', httpStatus: 500, closeCode: 4500, exitCode: 5 },
  BAD_INPUT: { code: 'bad_input', httpStatus: 400 },
  MALFORMED_JSON: { code: 'malformed_json', httpStatus: 400 },
  NOT_FOUND: { code: 'not_found', httpStatus: 404, closeCode: 1008 },
  METHOD_NOT_ALLOWED: { code: 'method_not_allowed', httpStatus: 405 },
  BODY_TOO_SLOW: { code: 'body_too_slow', httpStatus: 408 },
  BODY_TOO_LARGE: { code: 'body_too_large', httpStatus: 413 },
  TOO_MANY_REQUESTS: { code: 'too_many_requests', httpStatus: 429 },
  UNAUTHENTICATED: { code: 'unauthenticated', httpStatus: 401, closeCode: 1008 },
  INVALID_CREDENTIALS: { code: 'invalid_credentials', httpStatus: 401 },
  OTP_REQUIRED: { code: 'otp_required', httpStatus: 401 },
  INVALID_OTP: { code: 'invalid_otp', httpStatus: 401 },
  INVALID_OTP_PROOF: { code: 'invalid_otp', httpStatus: 403 },
  INVALID_OTP_SETUP: { code: 'invalid_otp', httpStatus: 400 },
  TOO_MANY_ATTEMPTS: { code: 'too_many_attempts', httpStatus: 429 },
  WEAK_PASSWORD: { code: 'weak_password', httpStatus: 400 },
  WRONG_PASSWORD: { code: 'wrong_password', httpStatus: 403 },
  ENROLMENT_REQUIRED: { code: 'enrolment_required', httpStatus: 403 },
  REAUTHENTICATION_REQUIRED: { code: 'reauthentication_required', httpStatus: 403 },
  READ_ONLY_TOKEN: { code: 'read_only_token', httpStatus: 403, closeCode: 1008 },
  ADMIN_ONLY: { code: 'admin_only', httpStatus: 403 },
  CSRF: { code: 'csrf', httpStatus: 403 },
  PASSKEY_EXPIRED: { code: 'passkey_expired', httpStatus: 400 },
  PASSKEY_UNREADABLE: { code: 'passkey_refused', httpStatus: 400 },
  PASSKEY_REFUSED: { code: 'passkey_refused', httpStatus: 401 },
  PASSKEY_PROOF_REFUSED: { code: 'passkey_refused', httpStatus: 403 },
  PASSKEY_PROOF_INCOMPLETE: { code: 'bad_input', httpStatus: 403 },
  PASSKEY_EXISTS: { code: 'passkey_exists', httpStatus: 409 },
  TOTP_ACTIVE: { code: 'totp_active', httpStatus: 409 },
  NO_PENDING_TOTP: { code: 'no_pending_totp', httpStatus: 409 },
  TOTP_OFF: { code: 'totp_off', httpStatus: 409 },
  SECOND_FACTOR_REQUIRED: { code: 'second_factor_required', httpStatus: 409 },
  SLUG_TAKEN: { code: 'slug_taken', httpStatus: 409 },
  USERNAME_TAKEN: { code: 'username_taken', httpStatus: 409 },
  CANNOT_DISABLE_SELF: { code: 'cannot_disable_self', httpStatus: 409 },
  SMTP_FAILED: { code: 'smtp_failed', httpStatus: 502 },
  APP_NOT_AVAILABLE: { code: 'app_not_available', httpStatus: 404 },
  SHORTCUT_TAKEN: { code: 'shortcut_taken', httpStatus: 409 },
  BAD_ADDRESS: { code: 'bad_address', httpStatus: 400 },
  UNKNOWN_PORTAL: { code: 'unknown_portal', httpStatus: 400 },
  TOO_MANY_LIVE_CODES: { code: 'too_many_live_codes', httpStatus: 409 },
  CODE_NOT_WAITING: { code: 'code_not_waiting', httpStatus: 409 },
  REQUESTS_DISABLED: { code: 'requests_disabled', httpStatus: 403 },
  NAME_REQUIRED: { code: 'name_required', httpStatus: 400 },
  NAME_TOO_LONG: { code: 'name_too_long', httpStatus: 400 },
  DESCRIPTION_REQUIRED: { code: 'description_required', httpStatus: 400 },
  DESCRIPTION_TOO_LONG: { code: 'description_too_long', httpStatus: 413 },
  REQUEST_ACCEPTED: { code: 'request_accepted', httpStatus: 409 },
  REQUEST_TAKEN: { code: 'request_taken', httpStatus: 409 },
  REQUEST_CANCELLED: { code: 'request_cancelled', httpStatus: 409 },
  REQUEST_EXPIRED: { code: 'request_expired', httpStatus: 410 },
  NOT_EXPIRED: { code: 'not_expired', httpStatus: 409 },
  EMPTY_MESSAGE: { code: 'empty_message', httpStatus: 400 },
  MESSAGE_TOO_LONG: { code: 'message_too_long', httpStatus: 413 },
  CONTROL_UNAVAILABLE: { code: 'control_unavailable', httpStatus: 409 },
  NOT_CHAT_ONLY: { code: 'not_chat_only', httpStatus: 409 },
  DIAGNOSTICS_UNAVAILABLE: { code: 'diagnostics_unavailable', httpStatus: 409 },
  NO_FILES: { code: 'no_files', httpStatus: 400 },
  FILE_MISSING: { code: 'file_missing', httpStatus: 410 },
  SURVEY_NOT_FOUND: { code: 'survey_not_found', httpStatus: 404 },
  SURVEY_ANSWERED: { code: 'survey_answered', httpStatus: 409 },
  FILE_TOO_LARGE: { code: 'file_too_large', httpStatus: 413 },
  SESSION_FILES_FULL: { code: 'session_files_full', httpStatus: 413 },
  FILE_DECLINED: { code: 'file_declined', httpStatus: 409 },
  FILE_NOT_READY: { code: 'file_not_ready', httpStatus: 409 },
  FILE_DAMAGED: { code: 'file_damaged', httpStatus: 422 },
  DRAWINGS_UNAVAILABLE: { code: 'drawings_unavailable', httpStatus: 409 },
  DRAWINGS_HIDDEN: { code: 'drawings_hidden', httpStatus: 409 },
  NODE_UNREACHABLE: { code: 'node_unreachable', httpStatus: 503 },
  SESSION_ELSEWHERE: { code: 'session_elsewhere', httpStatus: 409, closeCode: 4409 },
} as const satisfies Record<string, ErrorCodeEntry>;

export type ErrorCodeName = keyof typeof ERROR_CODES;
/** Every code a REST error can carry. */
export type ApiErrorCode = (typeof ERROR_CODES)[ErrorCodeName]['code'];
