package dev.tandem.device.screen;

/** One key of the on-screen keyboard: what it shows, what it types, where it is. Thread-safe (immutable). */
record Key(Kind kind, String label, Bounds bounds) {

    enum Kind { LETTER, PUNCTUATION, SPACE, SHIFT, BACKSPACE, ENTER }

    /** The text this key types ({@code shifted} capitalises letters); empty for shift. */
    String typed(boolean shifted) {
        switch (kind) {
            case LETTER:
                return shifted ? label.toUpperCase(java.util.Locale.ROOT) : label;
            case PUNCTUATION:
                return label;
            case SPACE:
                return " ";
            case BACKSPACE:
                return "\b";
            case ENTER:
                return "\n";
            default:
                return "";
        }
    }
}
