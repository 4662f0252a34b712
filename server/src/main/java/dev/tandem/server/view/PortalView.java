package dev.tandem.server.view;

import dev.tandem.server.domain.Portal;

/** A portal's settings as {@code /api/v1/portals} shows them. */
public record PortalView(String slug, String name, String language, boolean askBeforeScreenSharing,
                         boolean askBeforeDiagnostics, boolean allowChatRequests, int codeLifetimeMinutes,
                         int maxLiveCodes, String welcomeText, String brandColor, int requestTimeoutMinutes,
                         boolean surveyAfterSession, boolean recordSessions) {

    public static PortalView of(Portal p) {
        return new PortalView(p.slug(), p.name(), p.language(), p.askBeforeScreenSharing(), p.askBeforeDiagnostics(),
                p.allowChatRequests(), p.codeLifetimeMinutes(), p.maxLiveCodes(), p.welcomeText(), p.brandColor(),
                p.requestTimeoutMinutes(), p.surveyAfterSession(), p.recordSessions());
    }

    /**
     * The settings as the audit trail has always recorded them ({@code {slug=…, name=…}}): entries
     * written before the views were records read the same as new ones.
     */
    public String auditText() {
        return "{slug=" + slug + ", name=" + name + ", language=" + language + ", askBeforeScreenSharing="
                + askBeforeScreenSharing + ", askBeforeDiagnostics=" + askBeforeDiagnostics + ", allowChatRequests="
                + allowChatRequests + ", codeLifetimeMinutes=" + codeLifetimeMinutes + ", maxLiveCodes=" + maxLiveCodes
                + ", welcomeText=" + welcomeText + ", brandColor=" + brandColor + ", requestTimeoutMinutes="
                + requestTimeoutMinutes + ", surveyAfterSession=" + surveyAfterSession
                + (recordSessions ? ", recordSessions=true" : "") + "}";
    }
}
