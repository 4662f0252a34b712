package dev.tandem.server.view;

import dev.tandem.server.domain.User;

/** A user as the console and {@code /api/v1/users} show them. */
public record UserView(String username, String displayName, String role, boolean enabled) {

    public static UserView of(User u) {
        return new UserView(u.username(), u.displayName(), u.role().wireName(), u.enabled());
    }
}
