package dev.tandem.server.view;

/**
 * A console sign-in as {@code /api/v1/auth/sessions} lists it: an API token's fields without name
 * and scope (a sign-in has neither); {@code current} marks the caller's own.
 */
public record ConsoleSignInView(String id, String username, String createdAt, String expiresAt, String lastUsedAt,
                                String address, String userAgent, boolean current) {
}
