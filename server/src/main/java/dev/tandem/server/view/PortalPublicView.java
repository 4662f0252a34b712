package dev.tandem.server.view;

import dev.tandem.server.domain.Portal;

/** The public facts of a portal, for its customer page and the app ({@code /api/v1/portals/{slug}/public}). */
public record PortalPublicView(String slug, String name, String language, String welcomeText, String brandColor,
                               boolean allowChatRequests, int requestTimeoutMinutes) {

    public static PortalPublicView of(Portal p) {
        return new PortalPublicView(p.slug(), p.name(), p.language(), p.welcomeText(), p.brandColor(),
                p.allowChatRequests(), p.requestTimeoutMinutes());
    }
}
