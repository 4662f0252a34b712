package dev.tandem.server;

/**
 * Makes a value safe to put in a log line: control characters (a newline would start a forged
 * line), line and paragraph separators, backslashes and double quotes are escaped, and very long
 * values are cut. Used for every value a user, a device or another server supplied.
 */
public final class LogText {
    private static final int MAX = 500;

    private LogText() {
    }

    /** {@code value} with {@code \n} written as {@code \\n}, other controls as {@code \\xNN}; null as {@code -}. */
    public static String escape(Object value) {
        if (value == null) {
            return "-";
        }
        String text = value.toString();
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX) + 8);
        for (int i = 0; i < text.length(); i++) {
            if (out.length() >= MAX) {
                out.append("…");
                break;
            }
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                default -> {
                    if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\x%02X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
