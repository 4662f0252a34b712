package dev.tandem.server.view;

import dev.tandem.server.domain.CannedReply;

/**
 * A canned reply as {@code /api/v1/replies} and {@code /api/v1/portals/{slug}/replies} show it:
 * {@code scope} is {@code portal} (shared by the portal {@code portal}) or {@code personal}
 * ({@code portal} null), so one list can hold both.
 */
public record CannedReplyView(long id, String scope, String portal, String shortcut, String text, String updatedBy,
                              String updatedAt) {

    public static CannedReplyView of(CannedReply reply) {
        return new CannedReplyView(reply.id(), reply.isShared() ? "portal" : "personal", reply.portal().orElse(null),
                reply.shortcut(), reply.text(), reply.updatedBy(), Views.iso(reply.updatedAt()));
    }
}
