package dev.tandem.device.screen;

import dev.tandem.agent.screen.KeyboardKey;

/**
 * The Messages text field's content and caret: typing goes in at the caret (replacing everything
 * when all is selected), the arrows move the caret, Backspace and Delete remove a character on
 * either side, and select-all, cut and paste work on the whole text the way a phone's field does.
 * Not thread-safe: {@link PhoneUi} uses it under its lock.
 */
final class TextField {
    private final StringBuilder text = new StringBuilder();
    private final int maxLength;
    private int caret;
    private boolean allSelected;

    TextField(int maxLength) {
        this.maxLength = maxLength;
    }

    String text() {
        return text.toString();
    }

    /** Where the caret is, in chars from the start. */
    int caret() {
        return caret;
    }

    boolean allSelected() {
        return allSelected;
    }

    /**
     * A key of the technician's keyboard while the field has the focus; false when the focus leaves
     * the field (Tab, as on a phone). Copy and cut hand the selection to {@code clipboard}.
     */
    boolean edit(KeyboardKey key, VirtualClipboard clipboard) {
        switch (key) {
            case LEFT:
                left();
                return true;
            case RIGHT:
                right();
                return true;
            case FORWARD_DELETE:
                deleteForward();
                return true;
            case SELECT_ALL:
                selectAll();
                return true;
            case COPY:
                if (selection() != null) {
                    clipboard.copied(selection());
                }
                return true;
            case CUT:
                String cut = cut();
                if (cut != null) {
                    clipboard.copied(cut);
                }
                return true;
            case PASTE:
                if (clipboard.text() != null) {
                    paste(clipboard.text());
                }
                return true;
            case TAB:
            case BACK_TAB:
                return false;
            default:
                return true; // up and down: a one-line field has nowhere to go
        }
    }

    /** Types one printable character or "\b" (Backspace) at the caret. */
    void type(int codePoint) {
        if (codePoint == '\b') {
            if (allSelected) {
                clear();
            } else if (caret > 0) {
                int from = text.offsetByCodePoints(caret, -1);
                text.delete(from, caret);
                caret = from;
            }
        } else if (!Character.isISOControl(codePoint)) {
            if (allSelected) {
                clear();
            }
            if (text.length() + Character.charCount(codePoint) <= maxLength) {
                text.insert(caret, Character.toChars(codePoint));
                caret += Character.charCount(codePoint);
            }
        }
    }

    void deleteForward() {
        if (allSelected) {
            clear();
        } else if (caret < text.length()) {
            text.delete(caret, text.offsetByCodePoints(caret, 1));
        }
    }

    void left() {
        caret = allSelected ? 0 : caret > 0 ? text.offsetByCodePoints(caret, -1) : 0;
        allSelected = false;
    }

    void right() {
        caret = allSelected ? text.length() : caret < text.length() ? text.offsetByCodePoints(caret, 1) : caret;
        allSelected = false;
    }

    void selectAll() {
        allSelected = text.length() > 0;
    }

    /** The selected text (the whole text after select-all), or null when nothing is selected. */
    String selection() {
        return allSelected ? text.toString() : null;
    }

    /** Removes and returns the selection, or null. */
    String cut() {
        String selected = selection();
        if (selected != null) {
            clear();
        }
        return selected;
    }

    /** Puts {@code pasted} in at the caret (over the selection), as far as the field holds. */
    void paste(String pasted) {
        pasted.codePoints().forEach(c -> type(c == '\n' ? ' ' : c));
    }

    private void clear() {
        text.setLength(0);
        caret = 0;
        allSelected = false;
    }
}
