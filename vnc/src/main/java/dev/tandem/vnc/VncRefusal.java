package dev.tandem.vnc;

/**
 * Why {@code tandem vnc} cannot serve the session, as one line for the technician and the exit
 * code of the command (the exit codes are listed in {@link VncCommand}'s help).
 */
public final class VncRefusal extends Exception {
    /** The token was refused, or it cannot see this session. */
    public static final int ACCESS = 3;
    /** The session's screen cannot be viewed now: ended, chat-only phone, not shared. */
    public static final int SCREEN = 4;
    /** The server cannot be reached, or answered something unexpected. */
    public static final int SERVER = 5;

    private final int exitCode;

    VncRefusal(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
