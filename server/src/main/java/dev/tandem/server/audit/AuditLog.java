package dev.tandem.server.audit;

import dev.tandem.server.i18n.Catalogue;
import dev.tandem.server.i18n.Language;
import dev.tandem.server.i18n.Phrase;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records who did what, when, in which session. Append-only: a failure to write is logged and
 * never breaks the action being audited. Details must never contain secrets (passwords, tokens,
 * codes' resume tokens): callers pass what a reviewer needs to read, nothing more. Details given as
 * a {@link Phrase} ({@code audit.*} in the console's catalogues) are read in each reader's language;
 * a permission phrase's English wording starts with its kind ({@code screen:}, {@code control:}, …).
 */
public final class AuditLog {
    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    static final int MAX_ACTOR = 160;
    static final int MAX_DETAIL = 2000;
    public static final String SYSTEM = "system";

    private final AuditStore store;
    private final Clock clock;

    public AuditLog(AuditStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Records an action outside any session. */
    public void record(String actor, AuditAction action, String detail) {
        record(actor, action, null, detail);
    }

    /** Records an action; {@code session} may be null. A plain detail is shown as written, in every language. */
    public void record(String actor, AuditAction action, String session, String detail) {
        write(actor, action, session, detail == null ? "" : detail, null);
    }

    /** Records an action outside any session, its detail worded in each reader's language. */
    public void record(String actor, AuditAction action, Phrase detail) {
        record(actor, action, null, detail);
    }

    /**
     * Records an action with its detail as a phrase of the catalogue ({@code audit.*}): stored with its
     * key and parameters, and in English for readers without the catalogue.
     */
    public void record(String actor, AuditAction action, String session, Phrase detail) {
        write(actor, action, session, Catalogue.standard().word(Language.EN, detail), detail);
    }

    private void write(String actor, AuditAction action, String session, String detail, Phrase phrase) {
        try {
            store.append(clock.instant(), cut(actor == null ? SYSTEM : actor, MAX_ACTOR), action.wireName(), session,
                    cut(detail, MAX_DETAIL), phrase);
        } catch (RuntimeException e) {
            LOG.error("Could not write the audit entry {} for {}", action.wireName(), session, e);
        }
    }

    /** The actor name of a customer. */
    public static String customer(String name) {
        return "customer:" + name;
    }

    /** The actor name of someone not signed in. */
    public static String anonymous(String address) {
        return "anonymous@" + address;
    }

    public AuditStore store() {
        return store;
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
