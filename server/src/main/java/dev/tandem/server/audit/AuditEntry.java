package dev.tandem.server.audit;

import dev.tandem.server.i18n.Phrase;
import java.time.Instant;
import java.util.Optional;

/**
 * One line of the audit log. {@code actor} names who did it: a user name, {@code customer:<name>}
 * for a customer, {@code system}, or {@code anonymous@<address>} for someone not signed in.
 * {@code detail} is as stored (English for a phrase); {@code phrase}, when present, words it in any language.
 */
public record AuditEntry(long id, Instant at, String actor, String action, Optional<String> session, String detail,
                         Optional<Phrase> phrase) {
}
