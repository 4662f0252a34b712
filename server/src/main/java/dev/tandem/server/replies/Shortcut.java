package dev.tandem.server.replies;

import dev.tandem.server.Rejection;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A canned reply's shortcut, the word typed after {@code /} in the composer. Kept in lower case so
 * {@code /Hello} and {@code /hello} are one shortcut; letters of any language, digits, dots, dashes
 * and underscores, so it never contains the space that ends a typed shortcut.
 */
final class Shortcut {
    static final int MAX_CHARACTERS = 32;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}._-]{1," + MAX_CHARACTERS + "}");

    private Shortcut() {
    }

    /** The stored form of what was typed (a leading {@code /} is allowed and dropped); 400 when it cannot be one. */
    static String of(String typed) {
        String word = typed == null ? "" : typed.strip();
        if (word.startsWith("/")) {
            word = word.substring(1);
        }
        word = word.toLowerCase(Locale.ROOT);
        if (!WORD.matcher(word).matches()) {
            throw Rejection.badInput("'shortcut' must be 1 to " + MAX_CHARACTERS
                    + " letters, digits, dots, dashes or underscores, without spaces, e.g. 'greeting'.");
        }
        return word;
    }
}
