package dev.tandem.agent.transport;

/** One WebSocket, from connecting to closed. Thread-safe. */
public interface Connection {

    /**
     * Sends one text frame. A frame sent before the connection is open, or after it closed, is
     * dropped: the listener hears (or has heard) about the close, which is where the caller decides
     * what to re-send.
     */
    void send(String text);

    /**
     * Sends one binary frame (the buffer's remaining bytes); dropped like {@link #send(String)}. The
     * connection is done with the buffer when this returns (a client masks every frame into one of
     * its own), so the caller may fill it again.
     */
    void send(java.nio.ByteBuffer binary);

    /**
     * Sends a close frame with {@code code} and {@code reason} and lets go of the socket at once,
     * without waiting for the peer's answer (a dead peer never gives one). Closing a connection that
     * is still connecting abandons it. The listener hears {@link ConnectionListener#onClose} once.
     */
    void close(int code, String reason);
}
