package dev.tandem.server.auth;

import dev.tandem.server.domain.User;
import java.util.Arrays;
import java.util.Optional;

/**
 * Who must sign in with a second factor. The default is nobody, so a fresh server and scripts keep
 * working; a user the policy covers who has none is sent to enrolment at their next sign-in.
 */
public enum TwoFactorPolicy {
    NOBODY("nobody"), ADMINISTRATORS("administrators"), EVERYONE("everyone");

    private final String wireName;

    TwoFactorPolicy(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public boolean requires(User user) {
        return this == EVERYONE || (this == ADMINISTRATORS && user.isAdmin());
    }

    public static Optional<TwoFactorPolicy> fromWire(String text) {
        return Arrays.stream(values()).filter(p -> p.wireName.equals(text)).findFirst();
    }
}
