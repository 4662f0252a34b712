package dev.tandem.agent;

import java.util.Collections;
import java.util.Iterator;
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
     * The server says it has stored every message up to {@code lastCseq}: forget those, and make
     * sure new messages are numbered after it (the device may have been restarted).
     *
     * @return how many waiting messages the server already had
     */
    int confirmUpTo(long lastCseq) {
        int confirmed = 0;
        for (Iterator<Long> it = unconfirmed.keySet().iterator(); it.hasNext(); ) {
            if (it.next() <= lastCseq) {
                it.remove();
                confirmed++;
            }
        }
        nextCseq = Math.max(nextCseq, lastCseq + 1);
        return confirmed;
    }

    /** The waiting messages in the order they were written, cseq to text. */
    Map<Long, String> waiting() {
        return Collections.unmodifiableMap(unconfirmed);
    }
}
