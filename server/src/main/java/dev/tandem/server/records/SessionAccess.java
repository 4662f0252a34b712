package dev.tandem.server.records;

import dev.tandem.server.Rejection;
import dev.tandem.server.domain.SupportSession;
import dev.tandem.server.domain.User;
import dev.tandem.server.store.SessionStore;

/**
 * Who may see a session's records: its technician, its helpers while they help (issue 18.2) and every
 * administrator; anyone else gets the
 * same 404 as for a session that does not exist. The one check that live sessions, history and
 * stored files share. Thread-safe.
 */
public final class SessionAccess {
    private final SessionStore sessions;

    public SessionAccess(SessionStore sessions) {
        this.sessions = sessions;
    }

    public SupportSession visible(User user, String sessionId) {
        return sessions.find(sessionId).filter(s -> user.isAdmin() || s.technicianId() == user.id()
                        || sessions.team().isHelper(sessionId, user.id()))
                .orElseThrow(() -> Rejection.notFound("There is no session " + sessionId + " of yours."));
    }
}
