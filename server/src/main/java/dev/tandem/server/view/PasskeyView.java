package dev.tandem.server.view;

/** One of the caller's passkeys as My account lists it (never the key itself). */
public record PasskeyView(String id, String name, String createdAt, String lastUsedAt) {
}
