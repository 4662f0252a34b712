package dev.tandem.server.events;

import java.nio.ByteBuffer;

/**
 * Where the core sends to one client without knowing it is a socket: a technician's console, a
 * viewer, a phone or a waiting customer. The edge ({@code ws}) implements it over Jetty; tests
 * implement it by recording. Every method may be called from any thread and never blocks: an
 * outlet queues what it cannot send at once, and one that falls too far behind closes itself.
 */
public interface Outlet {
    /** Queues a text frame; false when the outlet is closed. */
    boolean send(String text);

    /** Queues a binary frame, in order with the text frames; false when the outlet is closed. */
    boolean send(ByteBuffer bytes);

    /**
     * Queues a binary frame whose buffer is only lent: {@code sent} runs exactly once, when the bytes
     * are no longer needed (written, or dropped with the outlet), at the latest when this returns false.
     * An outlet without its own bookkeeping keeps a copy and gives the buffer back at once.
     */
    default boolean send(ByteBuffer bytes, Runnable sent) {
        ByteBuffer copy = ByteBuffer.allocate(bytes.remaining()).put(bytes.duplicate()).flip();
        sent.run();
        return send(copy);
    }

    /** Keeps an idle connection open; false when the outlet is closed. */
    boolean ping();

    /** Closes after what is queued, with a WebSocket close status and a sentence for the person. */
    void close(int code, String reason);
}
