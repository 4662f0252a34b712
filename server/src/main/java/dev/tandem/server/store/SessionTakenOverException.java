package dev.tandem.server.store;

/**
 * A write of a session this node no longer owns: another node took the session (a phone resumed
 * there) and raised its epoch, so this node's late write is refused. Nothing was written; the node
 * closes the session's sockets and forgets it (issue 16, fencing).
 */
public final class SessionTakenOverException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SessionTakenOverException(String sessionId) {
        super("Session " + sessionId + " is owned by another node now.");
    }
}
