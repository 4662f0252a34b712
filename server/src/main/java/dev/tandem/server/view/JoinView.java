package dev.tandem.server.view;

/**
 * A code the customer may join with, as {@code /api/v1/join/{code}} shows it to the join page:
 * the portal's name and language, the technician, and the links into the app and its store.
 */
public record JoinView(String code, String status, String portal, String language, String technician, String appLink,
                       String storeLink, String expiresAt) {
}
