package dev.tandem.server.view;

import dev.tandem.server.domain.IssuedCode;
import java.time.Instant;

/** A session code as {@code /api/v1/codes} and the console's {@code code} event show it. */
public record CodeView(String code, String url, String identifier, String portal, String status, String expiresAt,
                       String createdAt, String technician, String session) {

    public static CodeView of(IssuedCode c, String joinUrl, Instant now) {
        return new CodeView(c.code(), joinUrl, c.identifier().orElse(null), c.portal().slug(), c.statusAt(now).wireName(),
                Views.iso(c.expiresAt()), Views.iso(c.createdAt()), c.technicianName(), c.sessionId().orElse(null));
    }
}
