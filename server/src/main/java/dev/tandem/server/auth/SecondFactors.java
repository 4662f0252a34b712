package dev.tandem.server.auth;

import dev.tandem.server.ErrorCode;
import dev.tandem.server.Rejection;
import dev.tandem.server.domain.User;
import dev.tandem.server.secrets.SecretBox;
import dev.tandem.server.store.PasskeyStore;
import dev.tandem.server.store.SecondFactorStore;
import dev.tandem.server.store.SecondFactorStore.TotpRecord;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A user's second factors: TOTP with its recovery codes, and whether they have passkeys. Every
 * code is accepted once: a TOTP code's time step must be later than the last one accepted (so a
 * code seen over someone's shoulder is dead once used), a recovery code is marked used. Thread-safe.
 */
public final class SecondFactors {
    public static final int RECOVERY_CODES = 10;
    private static final String ISSUER = "Tandem";
    private static final char[] RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecondFactorStore store;
    private final PasskeyStore passkeys;
    private final SecretBox box;
    private final Clock clock;

    public SecondFactors(SecondFactorStore store, PasskeyStore passkeys, SecretBox box, Clock clock) {
        this.store = store;
        this.passkeys = passkeys;
        this.box = box;
        this.clock = clock;
    }

    /** A TOTP secret waiting for its first code, and the URI an authenticator app scans. */
    public record Enrolment(String secret, String otpauthUri) {
    }

    /** What a user has: TOTP on, unused recovery codes, passkeys. */
    public record Status(boolean totp, int recoveryCodesLeft, int passkeys) {
        public boolean any() {
            return totp || passkeys > 0;
        }
    }

    public Status status(long userId) {
        boolean totp = store.totp(userId).map(TotpRecord::active).orElse(false);
        return new Status(totp, totp ? store.unusedRecoveryCodes(userId) : 0, passkeys.count(userId));
    }

    public boolean hasAny(long userId) {
        return status(userId).any();
    }

    /** Starts TOTP enrolment: a new secret, not active until {@link #confirmTotp}. */
    public Enrolment beginTotp(User user) {
        if (store.totp(user.id()).map(TotpRecord::active).orElse(false)) {
            throw Rejection.of(ErrorCode.TOTP_ACTIVE,
                    "Two-factor codes are already on for you. Turn them off first to set up a new app.");
        }
        String secret = Totp.newSecret();
        store.savePending(user.id(), box.seal(purpose(user.id()), secret), clock.instant());
        return new Enrolment(secret, Totp.uri(ISSUER, user.username(), secret));
    }

    /**
     * Turns TOTP on with the first code from the app; answers the recovery codes (shown this once).
     * Empty when the code is wrong.
     */
    public Optional<List<String>> confirmTotp(User user, String code) {
        TotpRecord pending = store.totp(user.id()).filter(t -> !t.active()).orElseThrow(() -> Rejection.of(ErrorCode.NO_PENDING_TOTP, "There is no two-factor set-up to confirm: start again."));
        OptionalLong step = Totp.matchingStep(box.open(purpose(user.id()), pending.sealedSecret()), code, clock.instant());
        if (step.isEmpty()) {
            return Optional.empty();
        }
        List<String> codes = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            String recovery = recoveryCode();
            codes.add(recovery);
            hashes.add(recoveryHash(user.id(), recovery));
        }
        if (!store.activate(user.id(), step.getAsLong(), hashes, clock.instant())) {
            throw Rejection.of(ErrorCode.NO_PENDING_TOTP,
                    "There is no two-factor set-up to confirm: start again.");
        }
        return Optional.of(codes);
    }

    /**
     * True when {@code code} is a current TOTP code not used before, or an unused recovery code;
     * either is used up by this call.
     */
    public boolean verify(long userId, String code) {
        if (code == null || code.isBlank() || code.length() > 64) {
            return false;
        }
        Optional<TotpRecord> totp = store.totp(userId).filter(TotpRecord::active);
        if (totp.isEmpty()) {
            return false;
        }
        OptionalLong step = Totp.matchingStep(box.open(purpose(userId), totp.get().sealedSecret()), code, clock.instant());
        if (step.isPresent()) {
            return store.useStep(userId, step.getAsLong());
        }
        return store.useRecoveryCode(userId, recoveryHash(userId, code), clock.instant());
    }

    /** Turns TOTP off (and drops its recovery codes); true when it was on. */
    public boolean removeTotp(long userId) {
        return store.remove(userId);
    }

    /** Removes every second factor of a user (an administrator's reset); how many passkeys went. */
    public int reset(long userId) {
        store.remove(userId);
        return passkeys.deleteForUser(userId);
    }

    /** Each secret is sealed for its user: a row copied onto another user's does not open. */
    private static String purpose(long userId) {
        return "totp.secret." + userId;
    }

    private static String recoveryCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            if (i == 5) {
                code.append('-');
            }
            code.append(RECOVERY_ALPHABET[RANDOM.nextInt(RECOVERY_ALPHABET.length)]);
        }
        return code.toString();
    }

    /** Recovery codes compare without dashes, spaces or case: people copy them in many ways. */
    private static String recoveryHash(long userId, String code) {
        String normalised = code.replace("-", "").replace(" ", "").toLowerCase(Locale.ROOT);
        return Secrets.sha256(userId + ":" + normalised);
    }
}
