package dev.tandem.server.view;

/**
 * Who is signed in ({@code /api/v1/auth/me} and every console sign-in): the user, the CSRF token
 * of a console sign-in (null for a bearer token), whether they may only enrol a second factor, and
 * which second factors they have.
 */
public record AuthInfoView(UserView user, String csrfToken, boolean enrolmentRequired, SecondFactor secondFactor) {

    /** The user's second factors: an authenticator app, recovery codes left, passkeys. */
    public record SecondFactor(boolean totp, int recoveryCodesLeft, int passkeys) {
    }
}
