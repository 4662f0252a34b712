package dev.tandem.server.records;

import dev.tandem.protocol.Limits;
import dev.tandem.server.ErrorCode;
import dev.tandem.server.Rejection;

/**
 * The checks of a text a technician writes for later (a note, a canned reply): the limits of a chat
 * message, so a canned reply always fits the composer it is inserted into and a note reads like one.
 */
public final class WrittenText {
    private WrittenText() {
    }

    /** {@code text} stripped; refused when empty or longer than a chat message. {@code what} names it, e.g. "a note". */
    public static String checked(String text, String what) {
        String stripped = text == null ? "" : text.strip();
        if (stripped.isEmpty()) {
            throw Rejection.of(ErrorCode.EMPTY_MESSAGE, "Write the text of " + what + " first.");
        }
        int length = Limits.characters(stripped);
        if (length > Limits.MAX_CHAT_CHARS) {
            throw Rejection.of(ErrorCode.MESSAGE_TOO_LONG, "The text of " + what + " can have at most "
                    + Limits.MAX_CHAT_CHARS + " characters, like a chat message; this one has " + length + ".");
        }
        return stripped;
    }
}
