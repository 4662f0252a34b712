package dev.tandem.agent.consent;

import java.util.EnumMap;
import java.util.Map;

/**
 * What the customer has allowed in this session, kind by kind. The session records each answer;
 * the screen stream, the input injector and the diagnostics and log collectors ask
 * {@link #isGranted} before they act, so nothing the customer did not allow ever leaves the phone.
 *
 * <p>Thread-safe: the session writes it on its own thread, collaborators read it from theirs.
 */
public final class ConsentLedger {

    /** Where one kind stands. */
    public enum Decision {
        /** The customer was never asked. */
        NOT_ASKED,
        GRANTED,
        DECLINED,
        /** Granted earlier, then stopped by the customer. */
        STOPPED,
        /** Granted earlier, then given back by the technician. */
        RELEASED
    }

    private final Map<ConsentKind, Decision> decisions = new EnumMap<>(ConsentKind.class);

    /** Records the customer's answer to a prompt of this kind; a later answer replaces an earlier one. */
    public synchronized void record(ConsentKind kind, boolean granted) {
        decisions.put(kind, granted ? Decision.GRANTED : Decision.DECLINED);
    }

    public synchronized Decision decision(ConsentKind kind) {
        return decisions.getOrDefault(kind, Decision.NOT_ASKED);
    }

    /** True only when the customer's latest answer for this kind was yes and was not stopped since. */
    public synchronized boolean isGranted(ConsentKind kind) {
        return decision(kind) == Decision.GRANTED;
    }

    /**
     * The customer's stop button: revokes screen sharing and remote control at once. Diagnostics and
     * logs are one-off hand-overs and are left as they are.
     *
     * @return true when screen or control had been granted, so something actually stopped
     */
    public synchronized boolean stop() {
        boolean stopped = false;
        for (ConsentKind kind : new ConsentKind[] {ConsentKind.SCREEN, ConsentKind.CONTROL}) {
            if (isGranted(kind)) {
                decisions.put(kind, Decision.STOPPED);
                stopped = true;
            }
        }
        return stopped;
    }

    /**
     * The customer takes one kind back (for example control, while the screen stays shared).
     *
     * @return true when it had been granted
     */
    public synchronized boolean stop(ConsentKind kind) {
        if (!isGranted(kind)) {
            return false;
        }
        decisions.put(kind, Decision.STOPPED);
        return true;
    }

    /**
     * The technician gives a kind back (stops viewing, releases control).
     *
     * @return true when it had been granted
     */
    public synchronized boolean release(ConsentKind kind) {
        if (!isGranted(kind)) {
            return false;
        }
        decisions.put(kind, Decision.RELEASED);
        return true;
    }

    @Override
    public synchronized String toString() {
        return "ConsentLedger" + decisions;
    }
}
