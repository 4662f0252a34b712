package dev.tandem.agent.rfb.session;

/**
 * Why a {@link ScreenStream} ended, with a message for the technician that says what to do next. RFB
 * has no way to send a reason once the handshake is done, so the relay reports it (and maps
 * {@link Cause} to its close codes). Thread-safe (immutable).
 */
public final class StreamClosure {

    /** The kinds of ending, one per distinct reaction of the relay. */
    public enum Cause {
        /** The viewer closed the connection. */
        VIEWER_LEFT,
        /** {@link ScreenStream#close()} was called: the session ended or the agent shut down. */
        CLOSED_BY_AGENT,
        /** The viewer sent something malformed, unknown or unsupported. */
        PROTOCOL_ERROR,
        /** The phone's screen changed size and the viewer cannot follow (no DesktopSize support). */
        SCREEN_RESIZED,
        /** Reading or writing the channel failed. */
        CONNECTION_LOST,
        /** A bug or a failure of the phone side (capture, input); the phone itself is unaffected. */
        INTERNAL_ERROR
    }

    private final Cause cause;
    private final String message;

    private StreamClosure(Cause cause, String message) {
        this.cause = cause;
        this.message = message;
    }

    public static StreamClosure of(Cause cause, String message) {
        if (cause == null || message == null) {
            throw new IllegalArgumentException("a closure needs a cause and a message");
        }
        return new StreamClosure(cause, message);
    }

    public Cause cause() {
        return cause;
    }

    public String message() {
        return message;
    }

    @Override
    public String toString() {
        return cause + ": " + message;
    }
}
