package dev.tandem.server.domain;

/** A support portal: the policy a session code is issued under. */
public record Portal(long id, String slug, String name, String language, boolean askBeforeScreenSharing,
                     boolean askBeforeDiagnostics, boolean allowChatRequests, int codeLifetimeMinutes,
                     int maxLiveCodes) {
}
