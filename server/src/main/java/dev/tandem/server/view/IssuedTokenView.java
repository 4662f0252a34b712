package dev.tandem.server.view;

/** A new API token; the only time its secret {@code token} is shown. */
public record IssuedTokenView(String id, String name, String scope, String expiresAt, String token) {
}
