package dev.tandem.server.store;

import dev.tandem.protocol.message.Capabilities;
import dev.tandem.protocol.message.DeviceInfo;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;

/**
 * The one-time tokens that move a chat-only session to the app (issue 18.1). Only a token's SHA-256
 * is stored. Spending one is a single conditional update in the same transaction as the session's
 * new resume token and device, so two phones racing with one link cannot both win, on any node.
 * Thread-safe.
 */
public final class AppInviteStore {
    private final Jdbi jdbi;

    public AppInviteStore(Database database) {
        this.jdbi = database.jdbi();
    }

    public void add(String tokenHash, String sessionId, long invitedBy, Instant at, Instant expiresAt) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO app_invites (token_hash, session_id, invited_by, created_at,"
                        + " expires_at) VALUES (:hash, :session, :by, :at, :expires)")
                .bind("hash", tokenHash).bind("session", sessionId).bind("by", invitedBy).bind("at", at)
                .bind("expires", expiresAt).execute());
    }

    /**
     * Spends the invite {@code tokenHash} of {@code sessionId} if it is unused and not expired at
     * {@code now}; in the same transaction the session takes the app's device, capabilities and new
     * resume token (the browser's token stops working). False, and nothing changed, otherwise.
     */
    public boolean spend(String tokenHash, String sessionId, Instant now, DeviceInfo device, Capabilities capabilities,
                         String newResumeTokenHash) {
        return jdbi.inTransaction(h -> {
            int spent = h.createUpdate("UPDATE app_invites SET used_at = :now WHERE token_hash = :hash"
                            + " AND session_id = :session AND used_at IS NULL AND expires_at > :now")
                    .bind("now", now).bind("hash", tokenHash).bind("session", sessionId).execute();
            if (spent != 1) {
                return false;
            }
            h.createUpdate("UPDATE support_sessions SET resume_token_hash = :resume, device_manufacturer = :manufacturer,"
                            + " device_model = :model, android_version = :android, api_level = :api,"
                            + " device_profile = :profile, capabilities = :caps WHERE id = :id AND status = 'active'")
                    .bind("resume", newResumeTokenHash).bind("manufacturer", device.manufacturer)
                    .bind("model", device.model).bind("android", device.androidVersion).bind("api", device.apiLevel)
                    .bind("profile", device.profile).bind("caps", SessionStore.toJson(capabilities)).bind("id", sessionId).execute();
            return true;
        });
    }
}
