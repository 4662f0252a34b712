package dev.tandem.server.view;

/**
 * An API token as {@code /api/v1/tokens} lists it (never the token itself); {@code current} marks
 * the one the request came with.
 */
public record TokenView(String id, String name, String scope, String username, String createdAt, String expiresAt,
                        String lastUsedAt, String address, String userAgent, boolean current) {
}
