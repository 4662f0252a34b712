package dev.tandem.server.domain;

/**
 * A support portal: the policy a session code is issued under, and the customer page
 * {@code /portal/{slug}} where customers ask for chat-only sessions.
 */
public record Portal(long id, String slug, String name, String language, boolean askBeforeScreenSharing,
                     boolean askBeforeDiagnostics, boolean allowChatRequests, int codeLifetimeMinutes,
                     int maxLiveCodes, String welcomeText, String brandColor, int requestTimeoutMinutes) {
    public static final String DEFAULT_BRAND_COLOR = "#1f6feb";
    public static final int DEFAULT_REQUEST_TIMEOUT_MINUTES = 10;

    /** A portal with no welcome text, the default colour and the default request timeout. */
    public Portal(long id, String slug, String name, String language, boolean askBeforeScreenSharing,
                  boolean askBeforeDiagnostics, boolean allowChatRequests, int codeLifetimeMinutes, int maxLiveCodes) {
        this(id, slug, name, language, askBeforeScreenSharing, askBeforeDiagnostics, allowChatRequests,
                codeLifetimeMinutes, maxLiveCodes, null, DEFAULT_BRAND_COLOR, DEFAULT_REQUEST_TIMEOUT_MINUTES);
    }
}
