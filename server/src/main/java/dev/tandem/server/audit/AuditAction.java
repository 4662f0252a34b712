package dev.tandem.server.audit;

/** Everything the audit log records. The wire name is what {@code GET /api/v1/audit} shows. */
public enum AuditAction {
    SIGN_IN("auth.sign-in"),
    SIGN_IN_FAILED("auth.sign-in-failed"),
    SIGN_OUT("auth.sign-out"),
    TOKEN_ISSUED("auth.token-issued"),
    TOKEN_CREATED("auth.token-created"),
    TOKEN_REVOKED("auth.token-revoked"),
    CONSOLE_SIGN_IN_REVOKED("auth.session-revoked"),
    PASSWORD_CHANGED("auth.password-changed"),
    REAUTHENTICATED("auth.reauthenticated"),
    TOTP_ENABLED("auth.totp-enabled"),
    TOTP_DISABLED("auth.totp-disabled"),
    PASSKEY_ADDED("auth.passkey-added"),
    PASSKEY_REMOVED("auth.passkey-removed"),
    PASSKEY_SIGN_IN("auth.passkey-sign-in"),
    SSO_SIGN_IN("auth.sso-sign-in"),
    SSO_SIGN_IN_FAILED("auth.sso-sign-in-failed"),
    SSO_ACCOUNT_CREATED("auth.sso-account-created"),
    CODE_CREATED("code.created"),
    CODE_CANCELLED("code.cancelled"),
    CODE_EMAILED("code.emailed"),
    CUSTOMER_JOINED("session.joined"),
    CUSTOMER_LEFT("session.left"),
    CUSTOMER_DROPPED("session.dropped"),
    CUSTOMER_RECONNECTED("session.reconnected"),
    APP_INVITED("session.app-invited"),
    CONTINUED_IN_APP("session.continued-in-app"),
    SESSION_ENDED("session.ended"),
    PERMISSION_ASKED("permission.asked"),
    PERMISSION_GRANTED("permission.granted"),
    PERMISSION_REFUSED("permission.refused"),
    PERMISSION_STOPPED("permission.stopped"),
    CONTROL_STARTED("control.started"),
    CONTROL_RELEASED("control.released"),
    SCREEN_VIEWED("screen.viewed"),
    DIAGNOSTICS_REQUESTED("diagnostics.requested"),
    DIAGNOSTICS_VIEWED("diagnostics.viewed"),
    LOGS_REQUESTED("logs.requested"),
    LOGS_VIEWED("logs.viewed"),
    EMAIL_SENT("email.sent"),
    EMAIL_FAILED("email.failed"),
    USER_CREATED("admin.user-created"),
    USER_UPDATED("admin.user-updated"),
    USER_DISABLED("admin.user-disabled"),
    USER_ENABLED("admin.user-enabled"),
    PASSWORD_RESET("admin.password-reset"),
    SECOND_FACTOR_RESET("admin.second-factor-reset"),
    PORTAL_CREATED("admin.portal-created"),
    PORTAL_UPDATED("admin.portal-updated"),
    SETTINGS_UPDATED("admin.settings-updated"),
    TEST_EMAIL_SENT("admin.test-email"),
    RETENTION_PURGED("system.retention-purged"),
    REQUEST_CREATED("request.created"),
    REQUEST_CANCELLED("request.cancelled"),
    REQUEST_ACCEPTED("request.accepted"),
    REQUEST_EXPIRED("request.expired"),
    REQUEST_FOLLOW_UP("request.follow-up"),
    REPLY_CREATED("reply.created"),
    REPLY_UPDATED("reply.updated"),
    REPLY_DELETED("reply.deleted"),
    NOTE_ADDED("note.added"),
    SURVEY_ANSWERED("survey.answered"),
    // Issue 18.2: transfer and collaborate.
    SESSION_TRANSFERRED("session.transferred"),
    SESSION_QUEUED("session.queued"),
    TECHNICIAN_JOINED("session.technician-joined"),
    TECHNICIAN_LEFT("session.technician-left"),
    CONTROL_PASSED("control.passed"),
    AVAILABILITY_CHANGED("technician.availability"),
    // Files both ways (docs/files.md).
    FILE_UPLOADED("file.uploaded"),
    FILE_OFFERED("file.offered"),
    FILE_ACCEPTED("file.accepted"),
    FILE_DECLINED("file.declined"),
    FILE_SAVED("file.saved"),
    FILE_REQUESTED("file.requested"),
    FILE_RECEIVED("file.received"),
    FILE_DOWNLOADED("file.downloaded"),
    /** The technician's first drawing on the customer's screen in a session (issue 18.7; later ones are not audited). */
    SCREEN_DRAWN("screen.drawing"),
    // Session recording (docs/recording.md).
    RECORDING_STARTED("recording.started"),
    RECORDING_STOPPED("recording.stopped"),
    RECORDING_REFUSED("recording.refused"),
    RECORDING_PLAYED("recording.played"),
    RECORDING_EXPORTED("recording.exported"),
    RECORDING_DELETED("recording.deleted");

    private final String wireName;

    AuditAction(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
