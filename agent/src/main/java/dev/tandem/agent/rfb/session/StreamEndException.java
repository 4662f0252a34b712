package dev.tandem.agent.rfb.session;

/** Ends one viewer's stream with a {@link StreamClosure}; thrown by the protocol code of this package. */
final class StreamEndException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient StreamClosure closure;

    StreamEndException(StreamClosure.Cause cause, String message) {
        super(message);
        this.closure = StreamClosure.of(cause, message);
    }

    static StreamEndException protocol(String message) {
        return new StreamEndException(StreamClosure.Cause.PROTOCOL_ERROR, message);
    }

    StreamClosure closure() {
        return closure;
    }
}
