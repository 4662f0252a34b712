package dev.tandem.agent;

/**
 * A chat message the agent would not send, with the machine code the server uses for the same
 * refusal ({@code message_too_long}, {@code message_empty}) and a sentence for the customer.
 */
public final class MessageRefusedException extends Exception {
    private static final long serialVersionUID = 1L;

    /** The same code the server's {@code ack.error.code} uses. */
    public static final String TOO_LONG = "message_too_long";
    public static final String EMPTY = "message_empty";
    /** The session is over (ended, refused or closed): nothing can be sent any more. */
    public static final String SESSION_OVER = "session_over";

    private final String code;

    public MessageRefusedException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() { return code; }
}
