package dev.tandem.agent.transport;

/**
 * What happens to one {@link Connection}. Called on the transport's own threads: implementations
 * must be quick and must not block (hand the event to your own thread).
 */
public interface ConnectionListener {

    /** The WebSocket handshake succeeded; frames can be sent. */
    void onOpen();

    /** One text frame arrived. */
    void onText(String text);

    /** One binary frame arrived (the screen streams); the buffer belongs to the listener. */
    void onBinary(java.nio.ByteBuffer binary);

    /**
     * The connection is over; called exactly once per connection, also when it never opened.
     *
     * @param code   the WebSocket close code: the peer's, 1006 for a connection that broke without
     *               a close frame, or {@link #NEVER_CONNECTED} when it could not be made at all
     * @param reason the close frame's reason, or a description of the failure; may be empty
     * @param remote true when the peer closed it
     */
    void onClose(int code, String reason, boolean remote);

    /** Something went wrong; {@link #onClose} follows when the error ends the connection. */
    void onError(Exception error);

    /** The close code reported for a connection that could not be made (refused, unreachable, timed out). */
    int NEVER_CONNECTED = -1;
}
