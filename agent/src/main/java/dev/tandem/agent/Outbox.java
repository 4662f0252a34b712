package dev.tandem.agent;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The customer's messages the server has not confirmed yet, numbered with {@code cseq} (1, 2, ...
 * for the whole session, across reconnects). Confined to the session's thread.
 */
final class Outbox {
    private final Map<Long, String> unconfirmed = new LinkedHashMap<>();
    private long nextCseq = 1;

    /** Numbers a new message and keeps it until the server confirms or refuses it. */
    long add(String text) {
        long cseq = nextCseq++;
        unconfirmed.put(cseq, text);
        return cseq;
    }

    /** Forgets message {@code cseq} (acked or refused); false when it was not waiting. */
    boolean settle(long cseq) {
        return unconfirmed.remove(cseq) != null;
    }

    /**
     * The server has stored messages up to {@code lastCseq}: new messages are numbered after it
     * (the device may have been restarted). Waiting ones stay: re-sending them is safe, the server
     * answers a message it already has with the same ack, and only that ack tells its {@code seq}.
     */
    void numberAfter(long lastCseq) {
        nextCseq = Math.max(nextCseq, lastCseq + 1);
    }

    /** The waiting messages in the order they were written, cseq to text. */
    Map<Long, String> waiting() {
        return Collections.unmodifiableMap(unconfirmed);
    }
}
