package dev.tandem.server.records;

import dev.tandem.server.audit.AuditAction;
import dev.tandem.server.audit.AuditLog;
import dev.tandem.server.domain.SessionNote;
import dev.tandem.server.domain.SupportSession;
import dev.tandem.server.domain.User;
import dev.tandem.server.events.Events;
import dev.tandem.server.i18n.Phrase;
import dev.tandem.server.store.SessionNoteStore;
import dev.tandem.server.view.SessionNoteView;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Private session notes (issue 18): technicians write them on a live or ended session, and whoever
 * may see the session reads them. They live in their own table, never in the transcript, and go
 * out only as the consoles' {@code note} event: nothing of the customer's (the phone, the browser
 * chat, the request page) is ever sent one. The text stays out of the audit log, which only says
 * that a note was written. Works the same on every node: the note is in the database before anyone
 * is told. Thread-safe.
 */
public final class SessionNotes {
    private final SessionNoteStore store;
    private final SessionAccess access;
    private final Events consoles;
    private final AuditLog audit;
    private final Clock clock;

    public SessionNotes(SessionNoteStore store, SessionAccess access, Events consoles, AuditLog audit, Clock clock) {
        this.store = store;
        this.access = access;
        this.consoles = consoles;
        this.audit = audit;
        this.clock = clock;
    }

    /** The notes of a session {@code user} may see, oldest first; 404 otherwise. */
    public List<SessionNoteView> of(User user, String sessionId) {
        access.visible(user, sessionId);
        return store.of(sessionId).stream().map(SessionNoteView::of).toList();
    }

    /** Writes a note on a session {@code user} may see, live or ended. */
    public SessionNoteView add(User user, String sessionId, String text) {
        SupportSession session = access.visible(user, sessionId);
        SessionNote note = store.add(sessionId, user.id(), user.username(), user.displayName(),
                WrittenText.checked(text, "a note"), clock.instant());
        audit.record(user.username(), AuditAction.NOTE_ADDED, sessionId, Phrase.of("audit.noteAdded"));
        SessionNoteView view = SessionNoteView.of(note);
        consoles.noteAdded(session.technicianId(), sessionId, view);
        return view;
    }

    /** The notes of several sessions, oldest first, for the CSV export (which lists only sessions its reader may see). */
    public Map<String, List<SessionNote>> ofSessions(List<String> sessionIds) {
        return store.of(sessionIds);
    }
}
