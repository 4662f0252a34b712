package dev.tandem.server.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * TOTP secrets and recovery codes. Every "use once" is one conditional UPDATE, so two requests
 * racing with the same code cannot both succeed, on H2 and PostgreSQL alike. Thread-safe.
 */
public final class SecondFactorStore {
    private final Jdbi jdbi;

    public SecondFactorStore(Database database) {
        this.jdbi = database.jdbi();
    }

    /** A user's TOTP secret (sealed as stored), whether it is confirmed, and the last step accepted. */
    public record TotpRecord(String sealedSecret, boolean active, long lastStep) {
    }

    public Optional<TotpRecord> totp(long userId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT secret, active, last_step FROM totp_secrets WHERE user_id = :u")
                .bind("u", userId)
                .map((rs, ctx) -> new TotpRecord(rs.getString("secret"), rs.getBoolean("active"), rs.getLong("last_step")))
                .findOne());
    }

    /** Stores a secret waiting for its first code, replacing an earlier one that never was confirmed. */
    public void savePending(long userId, String sealedSecret, Instant now) {
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM totp_secrets WHERE user_id = :u AND active = FALSE").bind("u", userId).execute();
            h.createUpdate("INSERT INTO totp_secrets (user_id, secret, active, last_step, created_at) VALUES (:u, :s,"
                    + " FALSE, 0, :now)").bind("u", userId).bind("s", sealedSecret).bind("now", now).execute();
        });
    }

    /**
     * Makes the pending secret active, with {@code step} used, and stores the new recovery codes in
     * the same transaction. False when there was no pending secret (confirmed twice, or removed).
     */
    public boolean activate(long userId, long step, List<String> recoveryCodeHashes, Instant now) {
        return jdbi.inTransaction(h -> {
            int changed = h.createUpdate("UPDATE totp_secrets SET active = TRUE, last_step = :step, confirmed_at = :now"
                    + " WHERE user_id = :u AND active = FALSE").bind("step", step).bind("now", now).bind("u", userId)
                    .execute();
            if (changed != 1) {
                return false;
            }
            h.createUpdate("DELETE FROM recovery_codes WHERE user_id = :u").bind("u", userId).execute();
            for (String hash : recoveryCodeHashes) {
                h.createUpdate("INSERT INTO recovery_codes (user_id, code_hash) VALUES (:u, :h)")
                        .bind("u", userId).bind("h", hash).execute();
            }
            return true;
        });
    }

    /** Accepts time step {@code step} once: true only if it is later than every step accepted before. */
    public boolean useStep(long userId, long step) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE totp_secrets SET last_step = :step WHERE user_id = :u"
                + " AND active = TRUE AND last_step < :step").bind("step", step).bind("u", userId).execute()) == 1;
    }

    /** Uses a recovery code once: true only the first time. */
    public boolean useRecoveryCode(long userId, String codeHash, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE recovery_codes SET used_at = :now WHERE user_id = :u"
                + " AND code_hash = :h AND used_at IS NULL").bind("now", now).bind("u", userId).bind("h", codeHash)
                .execute()) == 1;
    }

    public int unusedRecoveryCodes(long userId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM recovery_codes WHERE user_id = :u AND used_at IS NULL")
                .bind("u", userId).mapTo(Integer.class).one());
    }

    /** Removes the TOTP secret and the recovery codes; true when there was an active secret. */
    public boolean remove(long userId) {
        return jdbi.inTransaction(h -> {
            int active = h.createQuery("SELECT COUNT(*) FROM totp_secrets WHERE user_id = :u AND active = TRUE")
                    .bind("u", userId).mapTo(Integer.class).one();
            h.createUpdate("DELETE FROM recovery_codes WHERE user_id = :u").bind("u", userId).execute();
            h.createUpdate("DELETE FROM totp_secrets WHERE user_id = :u").bind("u", userId).execute();
            return active > 0;
        });
    }
}
