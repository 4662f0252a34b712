package dev.tandem.agent.screen;

/**
 * The keys of the technician's keyboard that mean something on a phone without typing a character:
 * the arrows and Tab move the cursor or the focus (Shift+Tab backwards), Delete removes the
 * character after the cursor, and the usual Ctrl shortcuts select, copy, cut and paste in the
 * focused field (the phone's clipboard is shared with the viewer, see {@link PhoneClipboard}).
 */
public enum KeyboardKey {
    LEFT, RIGHT, UP, DOWN, TAB, BACK_TAB, FORWARD_DELETE, SELECT_ALL, COPY, CUT, PASTE
}
