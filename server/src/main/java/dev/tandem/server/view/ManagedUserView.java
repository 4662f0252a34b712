package dev.tandem.server.view;

import dev.tandem.server.domain.User;

/** A user as the Management Center shows them: with email, second factors and single sign-on. */
public record ManagedUserView(String username, String displayName, String role, boolean enabled, String email,
                              SecondFactor secondFactor) {

    /** Which second factors the user has. */
    public record SecondFactor(boolean totp, int passkeys) {
    }

    public static ManagedUserView of(User u, String email, SecondFactor secondFactor) {
        return new ManagedUserView(u.username(), u.displayName(), u.role().wireName(), u.enabled(), email, secondFactor);
    }
}
