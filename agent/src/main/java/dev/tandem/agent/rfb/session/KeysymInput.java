package dev.tandem.agent.rfb.session;

import dev.tandem.agent.screen.PhoneInput;
import dev.tandem.agent.screen.SoftKey;

/**
 * Turns X11 keysyms from KeyEvents (RFC 6143 7.5.4) into phone input as CONTRACT.md ({@code ./tandem
 * vnc}) describes, on key-down only: navigation keys become soft keys, BackSpace and Return become
 * "\b" and "\n", printable Latin-1 and Unicode keysyms type their character. Everything else (modifiers,
 * function keys, arrows) is ignored: the phone has no use for them. Thread-safe (stateless).
 */
final class KeysymInput {
    static final int ESCAPE = 0xFF1B;
    static final int XF86_BACK = 0x1008FF26;
    static final int HOME = 0xFF50;
    static final int XF86_HOME_PAGE = 0x1008FF18;
    static final int MENU = 0xFF67;
    static final int BACKSPACE = 0xFF08;
    static final int RETURN = 0xFF0D;
    static final int KP_ENTER = 0xFF8D;
    static final int UNICODE_BASE = 0x01000000;

    private KeysymInput() {
    }

    /** Acts on one key-down; returns false when the keysym means nothing on the phone. */
    static boolean press(int keysym, PhoneInput input) {
        switch (keysym) {
            case ESCAPE:
            case XF86_BACK:
                input.softKey(SoftKey.BACK);
                return true;
            case HOME:
            case XF86_HOME_PAGE:
                input.softKey(SoftKey.HOME);
                return true;
            case MENU:
                input.softKey(SoftKey.RECENTS);
                return true;
            case BACKSPACE:
                input.type("\b");
                return true;
            case RETURN:
            case KP_ENTER:
                input.type("\n");
                return true;
            default:
                String text = printable(keysym);
                if (text == null) {
                    return false;
                }
                input.type(text);
                return true;
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
