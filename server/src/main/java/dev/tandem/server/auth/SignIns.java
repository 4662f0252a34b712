package dev.tandem.server.auth;

import dev.tandem.server.ErrorCode;
import dev.tandem.server.Rejection;
import dev.tandem.server.domain.User;
import dev.tandem.server.net.ClientAddress;
import dev.tandem.server.settings.SignInSettings;
import java.util.Optional;

/**
 * A sign-in with a password: the password, then the second factor when the user has one, then
 * the policy. Wrong codes count toward the same limits as wrong passwords. Thread-safe.
 */
public final class SignIns {
    private static final String WRONG_CODE = "That code is wrong or was already used. Enter the current code from your app.";
    private final Accounts accounts;
    private final SecondFactors factors;
    private final SignInSettings settings;

    public SignIns(Accounts accounts, SecondFactors factors, SignInSettings settings) {
        this.accounts = accounts;
        this.factors = factors;
        this.settings = settings;
    }

    /** Who signed in, and whether they may only enrol a second factor (the policy wants one; they have none). */
    public record Outcome(User user, boolean enrolmentOnly) {
    }

    /**
     * Checks the password and, for a user with a second factor, {@code otp} (a current TOTP code
     * or an unused recovery code). Refuses with 401 {@code invalid_credentials},
     * {@code otp_required} or {@code invalid_otp}, or 429.
     */
    public Outcome withPassword(String username, String password, Optional<String> otp, ClientAddress address) {
        User user = accounts.signIn(username, password, address);
        SecondFactors.Status status = factors.status(user.id());
        if (status.any()) {
            if (otp.isEmpty() || otp.get().isBlank()) {
                throw Rejection.of(ErrorCode.OTP_REQUIRED, status.totp()
                        ? "Enter the 6-digit code from your authenticator app, or one of your recovery codes."
                        : "This account signs in with a passkey: use 'Sign in with a passkey'.");
            }
            if (!codeMatches(user, otp.get(), address)) {
                throw Rejection.of(ErrorCode.INVALID_OTP, WRONG_CODE);
            }
            return new Outcome(user, false);
        }
        accounts.succeeded(username, address);
        return new Outcome(user, settings.twoFactorPolicy().requires(user));
    }

    /**
     * Checks a second-factor code of a signed-in user (to turn TOTP off, or to re-authenticate);
     * a wrong one counts as a failed sign-in. Refuses with 403 {@code invalid_otp} (not 401: the
     * caller stays signed in) or 429.
     */
    public void checkCode(User user, String code, ClientAddress address) {
        if (!codeMatches(user, code, address)) {
            throw Rejection.of(ErrorCode.INVALID_OTP_PROOF, WRONG_CODE);
        }
    }

    private boolean codeMatches(User user, String code, ClientAddress address) {
        accounts.throttle(user.username(), address);
        if (!factors.verify(user.id(), code)) {
            accounts.recordFailure(user.username(), address);
            return false;
        }
        accounts.succeeded(user.username(), address);
        return true;
    }

    /** Checks the password of a signed-in user (re-authentication, password change); a wrong one counts. */
    public boolean checkPassword(User user, String password, ClientAddress address) {
        accounts.throttle(user.username(), address);
        if (!accounts.passwordMatches(user.id(), password)) {
            accounts.recordFailure(user.username(), address);
            return false;
        }
        return true;
    }

    /** Whether the policy requires {@code user} to have a second factor. */
    public boolean policyRequires(User user) {
        return settings.twoFactorPolicy().requires(user);
    }

    /** Whether the policy requires {@code user} to have a second factor they lack. */
    public boolean mustEnrol(User user) {
        return settings.twoFactorPolicy().requires(user) && !factors.hasAny(user.id());
    }
}
