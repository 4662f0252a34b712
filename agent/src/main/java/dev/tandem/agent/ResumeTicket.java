package dev.tandem.agent;

import java.util.Objects;

/**
 * What lets a device back into its session after a dropped connection: the session id and the
 * secret resume token from the server's {@code welcome}. Keep it in memory, or in the app's private
 * storage; {@link #toString()} never shows the token. Immutable.
 */
public final class ResumeTicket {
    private final String sessionId;
    private final String token;

    public ResumeTicket(String sessionId, String token) {
        this.sessionId = Objects.requireNonNull(sessionId, "sessionId");
        this.token = Objects.requireNonNull(token, "token");
    }

    public String sessionId() { return sessionId; }

    public String token() { return token; }

    @Override
    public boolean equals(Object other) {
        return other instanceof ResumeTicket && ((ResumeTicket) other).sessionId.equals(sessionId)
                && ((ResumeTicket) other).token.equals(token);
    }

    @Override
    public int hashCode() { return Objects.hash(sessionId, token); }

    @Override
    public String toString() { return "ResumeTicket[" + sessionId + ", token hidden]"; }
}
