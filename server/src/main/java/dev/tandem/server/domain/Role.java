package dev.tandem.server.domain;

import java.util.Locale;
import java.util.Optional;

/** What a signed-in user may do: technicians work their own sessions, administrators everything. */
public enum Role {
    TECHNICIAN, ADMIN;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> fromWire(String text) {
        for (Role role : values()) {
            if (role.wireName().equals(text)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
