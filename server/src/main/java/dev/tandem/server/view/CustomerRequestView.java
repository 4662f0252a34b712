package dev.tandem.server.view;

/**
 * A chat request as its customer sees it (their page's REST answers and socket frames):
 * {@code position} null unless waiting, {@code technician} the display name of who took it.
 */
public record CustomerRequestView(String id, String status, Integer position, String portal, String portalName,
                                  String name, String description, String email, String followUpEmail,
                                  String createdAt, String expiresAt, String session, String technician) {
}
