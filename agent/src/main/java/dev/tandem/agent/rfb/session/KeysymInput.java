package dev.tandem.agent.rfb.session;

import dev.tandem.agent.screen.KeyboardKey;
import dev.tandem.agent.screen.PhoneInput;
import dev.tandem.agent.screen.SoftKey;

/**
 * Turns X11 keysyms from KeyEvents (RFC 6143 7.5.4) into phone input as CONTRACT.md ({@code ./tandem
 * vnc}) describes, on key-down: navigation keys become soft keys; BackSpace and Return become "\b"
 * and "\n"; the arrows, Tab (Shift+Tab backwards) and Delete become {@link KeyboardKey}s; Ctrl+A, C, X
 * and V select, copy, cut and paste; printable Latin-1 and Unicode keysyms type their character.
 * Modifiers and function keys do nothing by themselves.
 *
 * <p>It remembers which modifiers are held, so it belongs to one viewer. Ctrl with Alt held is AltGr
 * on Windows (how a Spanish keyboard types "@"), so then letters type as usual. Not thread-safe: the
 * stream's reader thread owns it.
 */
final class KeysymInput {
    static final int ESCAPE = 0xFF1B;
    static final int XF86_BACK = 0x1008FF26;
    static final int HOME = 0xFF50;
    static final int XF86_HOME_PAGE = 0x1008FF18;
    static final int MENU = 0xFF67;
    static final int BACKSPACE = 0xFF08;
    static final int TAB = 0xFF09;
    static final int ISO_LEFT_TAB = 0xFE20;
    static final int RETURN = 0xFF0D;
    static final int KP_ENTER = 0xFF8D;
    static final int LEFT = 0xFF51;
    static final int UP = 0xFF52;
    static final int RIGHT = 0xFF53;
    static final int DOWN = 0xFF54;
    static final int KP_LEFT = 0xFF96;
    static final int KP_UP = 0xFF97;
    static final int KP_RIGHT = 0xFF98;
    static final int KP_DOWN = 0xFF99;
    static final int DELETE = 0xFFFF;
    static final int KP_DELETE = 0xFF9F;
    static final int SHIFT_L = 0xFFE1;
    static final int SHIFT_R = 0xFFE2;
    static final int CONTROL_L = 0xFFE3;
    static final int CONTROL_R = 0xFFE4;
    static final int ALT_L = 0xFFE9;
    static final int ALT_R = 0xFFEA;
    static final int UNICODE_BASE = 0x01000000;

    private final PhoneInput input;
    private boolean shift;
    private boolean control;
    private boolean alt;

    KeysymInput(PhoneInput input) {
        this.input = input;
    }

    /** One KeyEvent; returns false when it means nothing on the phone. */
    boolean key(boolean down, int keysym) {
        switch (keysym) {
            case SHIFT_L:
            case SHIFT_R:
                shift = down;
                return false;
            case CONTROL_L:
            case CONTROL_R:
                control = down;
                return false;
            case ALT_L:
            case ALT_R:
                alt = down;
                return false;
            default:
                return down && press(keysym);
        }
    }

    /** The technician lost control: held modifiers no longer count (their key-ups were dropped). */
    void forgetModifiers() {
        shift = control = alt = false;
    }

    private boolean press(int keysym) {
        SoftKey soft = softKey(keysym);
        if (soft != null) {
            input.wake();
            input.softKey(soft);
            return true;
        }
        KeyboardKey key = keyboardKey(keysym);
        if (key != null) {
            input.wake();
            input.key(key);
            return true;
        }
        String text = keysym == BACKSPACE ? "\b" : keysym == RETURN || keysym == KP_ENTER ? "\n" : printable(keysym);
        if (text == null) {
            return false;
        }
        input.wake();
        input.type(text);
        return true;
    }

    private static SoftKey softKey(int keysym) {
        switch (keysym) {
            case ESCAPE:
            case XF86_BACK:
                return SoftKey.BACK;
            case HOME:
            case XF86_HOME_PAGE:
                return SoftKey.HOME;
            case MENU:
                return SoftKey.RECENTS;
            default:
                return null;
        }
    }

    private KeyboardKey keyboardKey(int keysym) {
        switch (keysym) {
            case LEFT:
            case KP_LEFT:
                return KeyboardKey.LEFT;
            case RIGHT:
            case KP_RIGHT:
                return KeyboardKey.RIGHT;
            case UP:
            case KP_UP:
                return KeyboardKey.UP;
            case DOWN:
            case KP_DOWN:
                return KeyboardKey.DOWN;
            case TAB:
                return shift ? KeyboardKey.BACK_TAB : KeyboardKey.TAB;
            case ISO_LEFT_TAB:
                return KeyboardKey.BACK_TAB;
            case DELETE:
            case KP_DELETE:
                return KeyboardKey.FORWARD_DELETE;
            default:
                return control && !alt ? shortcut(keysym) : null;
        }
    }

    private static KeyboardKey shortcut(int keysym) {
        switch (Character.toLowerCase(keysym)) {
            case 'a':
                return KeyboardKey.SELECT_ALL;
            case 'c':
                return KeyboardKey.COPY;
            case 'x':
                return KeyboardKey.CUT;
            case 'v':
                return KeyboardKey.PASTE;
            default:
                return null;
        }
    }

    /** The character a printable keysym types, or null. */
    static String printable(int keysym) {
        if ((keysym >= 0x20 && keysym <= 0x7E) || (keysym >= 0xA0 && keysym <= 0xFF)) {
            return String.valueOf((char) keysym);
        }
        int codePoint = keysym - UNICODE_BASE;
        if (keysym >= UNICODE_BASE && codePoint >= 0x20 && Character.isValidCodePoint(codePoint)
                && !Character.isISOControl(codePoint)
                && Character.getType(codePoint) != Character.SURROGATE) {
            return new String(Character.toChars(codePoint));
        }
        return null;
    }
}
