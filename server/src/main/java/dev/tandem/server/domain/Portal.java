package dev.tandem.server.domain;

/**
 * A support portal: the policy a session code is issued under, and the customer page
 * {@code /portal/{slug}} where customers ask for chat-only sessions. {@code surveyAfterSession}: the
 * customer is asked how it went (1 to 5, a comment) once a session is over. {@code recordSessions}:
 * the screen the server relays, the input and the chat are recorded (docs/recording.md), and the
 * customer is told before sharing starts.
 */
public record Portal(long id, String slug, String name, String language, boolean askBeforeScreenSharing,
                     boolean askBeforeDiagnostics, boolean allowChatRequests, int codeLifetimeMinutes,
                     int maxLiveCodes, String welcomeText, String brandColor, int requestTimeoutMinutes,
                     boolean surveyAfterSession, boolean recordSessions) {
    public static final String DEFAULT_BRAND_COLOR = "#1f6feb";
    public static final int DEFAULT_REQUEST_TIMEOUT_MINUTES = 10;

    /** A portal that does not record its sessions. */
    public Portal(long id, String slug, String name, String language, boolean askBeforeScreenSharing,
                  boolean askBeforeDiagnostics, boolean allowChatRequests, int codeLifetimeMinutes,
                  int maxLiveCodes, String welcomeText, String brandColor, int requestTimeoutMinutes,
                  boolean surveyAfterSession) {
        this(id, slug, name, language, askBeforeScreenSharing, askBeforeDiagnostics, allowChatRequests,
                codeLifetimeMinutes, maxLiveCodes, welcomeText, brandColor, requestTimeoutMinutes, surveyAfterSession,
                false);
    }

    /** A portal with no welcome text, the default colour and request timeout, and no survey. */
    public Portal(long id, String slug, String name, String language, boolean askBeforeScreenSharing,
                  boolean askBeforeDiagnostics, boolean allowChatRequests, int codeLifetimeMinutes, int maxLiveCodes) {
        this(id, slug, name, language, askBeforeScreenSharing, askBeforeDiagnostics, allowChatRequests,
                codeLifetimeMinutes, maxLiveCodes, null, DEFAULT_BRAND_COLOR, DEFAULT_REQUEST_TIMEOUT_MINUTES, false, false);
    }
}
