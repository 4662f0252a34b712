package dev.tandem.server.domain;

/** A person who signs in: a technician or an administrator. */
public record User(long id, String username, String displayName, Role role, boolean enabled) {
    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
