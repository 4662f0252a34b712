package dev.tandem.protocol;

/** A refusal that carries its {@link TandemStatus} and a sentence for the person on the other side. */
public class ProtocolException extends Exception {
    private static final long serialVersionUID = 1L;
    private final TandemStatus status;

    public ProtocolException(TandemStatus status, String message) {
        super(message);
        this.status = status;
    }

    public ProtocolException(TandemStatus status) {
        this(status, status.message());
    }

    public TandemStatus status() { return status; }
}
