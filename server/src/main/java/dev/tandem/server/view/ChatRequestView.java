package dev.tandem.server.view;

/**
 * A customer's chat request as technicians see it ({@code /api/v1/requests} and the console's
 * {@code request} event). {@code position} is the place in its portal's line (1 = next), null
 * unless waiting; {@code acceptedBy} the display name of the technician who took it.
 */
public record ChatRequestView(String id, String portal, String portalName, String name, String description,
                              String email, String followUpEmail, String status, String createdAt, String expiresAt,
                              Integer position, String session, String acceptedBy) {
}
