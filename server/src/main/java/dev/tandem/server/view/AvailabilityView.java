package dev.tandem.server.view;

/**
 * A technician's availability as every console sees it (issue 18.2): {@code status} is
 * {@code available}, {@code busy} or {@code away}; {@code since} is null for a technician who never set it.
 */
public record AvailabilityView(String username, String displayName, String role, String status, String since) {
}
