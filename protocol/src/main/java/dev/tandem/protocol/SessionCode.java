package dev.tandem.protocol;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A session code: nine digits, shown to people as {@code 123 456 789}. Customers may type it with
 * spaces or dashes; {@link #parse} accepts those and nothing else.
 */
public final class SessionCode {
    public static final int LENGTH = 9;
    private static final Pattern DIGITS = Pattern.compile("\\d{" + LENGTH + "}");

    private final String digits;

    private SessionCode(String digits) {
        this.digits = digits;
    }

    /** The code in {@code text}, ignoring spaces and dashes, or empty when it is not nine digits. */
    public static Optional<SessionCode> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String compact = text.replaceAll("[\\s-]", "");
        return DIGITS.matcher(compact).matches() ? Optional.of(new SessionCode(compact)) : Optional.empty();
    }

    /** The code at the end of a join URL such as {@code https://host/join/123456789}. */
    public static Optional<SessionCode> fromJoinUrl(String url) {
        if (url == null) {
            return Optional.empty();
        }
        int at = url.lastIndexOf("/join/");
        if (at < 0) {
            return Optional.empty();
        }
        String rest = url.substring(at + "/join/".length());
        int end = rest.indexOf('?');
        return parse(end < 0 ? rest : rest.substring(0, end));
    }

    public String digits() { return digits; }

    /** {@code 123 456 789}. */
    public String grouped() {
        return digits.substring(0, 3) + " " + digits.substring(3, 6) + " " + digits.substring(6);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SessionCode && ((SessionCode) other).digits.equals(digits);
    }

    @Override
    public int hashCode() { return digits.hashCode(); }

    @Override
    public String toString() { return grouped(); }
}
