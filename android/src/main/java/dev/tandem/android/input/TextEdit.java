package dev.tandem.android.input;

/**
 * What typing does to a text field: the typed characters replace the selection (or go in at the
 * cursor), {@code "\b"} deletes the selection or the character before the cursor, {@link #DELETE}
 * the selection or the character after it. Pure Java and immutable. A cursor outside the text (a field
 * that reports none) counts as the end.
 */
public final class TextEdit {
    /** The forward Delete key, as a character in the typed text. */
    public static final char DELETE = '\u007F';

    private final String text;
    private final int cursor;

    private TextEdit(String text, int cursor) {
        this.text = text;
        this.cursor = cursor;
    }

    /** The field's text after {@code typed}, given its text and selection before. */
    public static TextEdit apply(CharSequence current, int selectionStart, int selectionEnd, String typed) {
        StringBuilder text = new StringBuilder(current == null ? "" : current);
        int start = clamp(Math.min(selectionStart, selectionEnd), text.length());
        int end = clamp(Math.max(selectionStart, selectionEnd), text.length());
        if (selectionStart < 0 || selectionEnd < 0) {
            start = end = text.length();
        }
        for (int i = 0; i < typed.length(); i++) {
            char c = typed.charAt(i);
            if (c == DELETE) {
                if (end > start) {
                    text.delete(start, end);
                } else if (start < text.length()) {
                    int to = Character.isHighSurrogate(text.charAt(start)) && start + 1 < text.length() ? start + 2
                            : start + 1;
                    text.delete(start, to);
                }
            } else if (c == '\b') {
                if (end > start) {
                    text.delete(start, end);
                } else if (start > 0) {
                    int from = Character.isLowSurrogate(text.charAt(start - 1)) && start > 1 ? start - 2 : start - 1;
                    text.delete(from, start);
                    start = from;
                }
            } else {
                text.replace(start, end, String.valueOf(c));
                start++;
            }
            end = start;
        }
        return new TextEdit(text.toString(), start);
    }

    public String text() {
        return text;
    }

    public int cursor() {
        return cursor;
    }

    private static int clamp(int at, int length) {
        return Math.max(0, Math.min(at, length));
    }
}
