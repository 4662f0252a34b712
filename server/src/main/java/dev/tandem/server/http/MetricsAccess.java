package dev.tandem.server.http;

import dev.tandem.server.ErrorCode;
import dev.tandem.server.Rejection;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Who may read {@code /metrics}: a scraper with {@code Authorization: Bearer $TANDEM_METRICS_TOKEN},
 * or an administrator (bearer token or console). Anyone else gets 401 (403 for a technician), so
 * the server's load and sessions are not told to the internet. Thread-safe.
 */
final class MetricsAccess {
    private final Optional<byte[]> token;
    private final Authenticator auth;

    MetricsAccess(Optional<String> token, Authenticator auth) {
        this.token = token.filter(t -> !t.isBlank()).map(t -> t.getBytes(StandardCharsets.UTF_8));
        this.auth = auth;
    }

    void require(Context ctx) {
        String authorization = ctx.header("Authorization");
        if (token.isPresent() && authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                && MessageDigest.isEqual(token.get(), authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8))) {
            return;
        }
        try {
            auth.requireAdmin(ctx);
        } catch (Rejection refused) {
            if (refused.httpStatus() != ErrorCode.UNAUTHENTICATED.httpStatus()) {
                throw refused;
            }
            throw Rejection.of(ErrorCode.UNAUTHENTICATED, "The metrics need 'Authorization: "
                    + "Bearer <TANDEM_METRICS_TOKEN>' (set on the server) or an administrator's token.");
        }
    }
}
