package dev.tandem.server.audit;

import java.time.Instant;
import java.util.Optional;

/**
 * One line of the audit log. {@code actor} names who did it: a user name, {@code customer:<name>}
 * for a customer, {@code system}, or {@code anonymous@<address>} for someone not signed in.
 */
public record AuditEntry(long id, Instant at, String actor, String action, Optional<String> session, String detail) {
}
