package dev.tandem.android.input;

import android.accessibilityservice.AccessibilityService;
import android.os.Build;
import android.os.Bundle;
import android.view.View;
import android.view.accessibility.AccessibilityNodeInfo;
import dev.tandem.agent.screen.KeyboardKey;
import dev.tandem.android.SinceApi;

/**
 * The technician's keyboard in whatever app is in front, through the accessibility service: text and
 * Delete edit the focused field (its text and selection are read, changed with {@link TextEdit} and
 * set back), the arrows move its caret, select-all, copy, cut and paste are the field's own actions,
 * and Tab moves the input focus to the next (Shift+Tab: previous) focusable element. Without a focused
 * field the arrows are Android 13's D-pad actions. Stateless; each call reads the screen afresh.
 */
final class FocusedField {
    private FocusedField() {
    }

    /** The deepest window tree searched for a focused field when Android's input focus says none. */
    private static final int MAX_DEPTH = 32;

    /**
     * The focused editable field, or null. Android's input focus first; when it names none (some
     * WebViews and makers' builds report no input focus while a field has the caret), the field that
     * says it is focused in the active window.
     */
    static AccessibilityNodeInfo of(AccessibilityService service) {
        AccessibilityNodeInfo field = service.findFocus(AccessibilityNodeInfo.FOCUS_INPUT);
        if (field == null) {
            field = focusedIn(service.getRootInActiveWindow(), 0);
        }
        return field != null && field.isEditable() ? field : null;
    }

    private static AccessibilityNodeInfo focusedIn(AccessibilityNodeInfo node, int depth) {
        if (node == null || depth > MAX_DEPTH) {
            return null;
        }
        if (node.isFocused() && node.isEditable()) {
            return node;
        }
        for (int i = 0; i < node.getChildCount(); i++) {
            AccessibilityNodeInfo found = focusedIn(node.getChild(i), depth + 1);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** Types {@code text} ("\n" is Enter, "\b" Backspace, {@link TextEdit#DELETE} Delete); false without a field. */
    static boolean type(AccessibilityService service, String text) {
        AccessibilityNodeInfo field = of(service);
        if (field == null) {
            return false;
        }
        if (text.equals("\n") && Build.VERSION.SDK_INT >= 30) {
            return enter(field);
        }
        // A field showing its hint reports the hint as its text.
        CharSequence current = field.isShowingHintText() ? "" : field.getText();
        TextEdit edit = TextEdit.apply(current, field.getTextSelectionStart(), field.getTextSelectionEnd(), text);
        Bundle arguments = new Bundle();
        arguments.putCharSequence(AccessibilityNodeInfo.ACTION_ARGUMENT_SET_TEXT_CHARSEQUENCE, edit.text());
        field.performAction(AccessibilityNodeInfo.ACTION_SET_TEXT, arguments);
        select(field, edit.cursor(), edit.cursor());
        return true;
    }

    /**
     * One keyboard key; {@code copied} hears the text a Copy or Cut took (Android lets no app read
     * the clipboard from the background, but the field's selection is known here). False when the key
     * had nothing to act on.
     */
    static boolean key(AccessibilityService service, KeyboardKey key, java.util.function.Consumer<String> copied) {
        AccessibilityNodeInfo field = of(service);
        switch (key) {
            case TAB:
            case BACK_TAB:
                return moveFocus(service, key == KeyboardKey.TAB ? View.FOCUS_FORWARD : View.FOCUS_BACKWARD);
            case FORWARD_DELETE:
                return type(service, String.valueOf(TextEdit.DELETE));
            default:
                break;
        }
        if (field == null) {
            return Build.VERSION.SDK_INT >= 33 && dpad(service, key);
        }
        CharSequence text = field.isShowingHintText() ? "" : field.getText();
        int length = text == null ? 0 : text.length();
        int start = Math.max(0, Math.min(length, field.getTextSelectionStart()));
        int end = Math.max(0, Math.min(length, field.getTextSelectionEnd()));
        switch (key) {
            case LEFT:
                return select(field, Math.max(0, Math.min(start, end) - (start == end ? 1 : 0)), -1);
            case RIGHT:
                return select(field, Math.min(length, Math.max(start, end) + (start == end ? 1 : 0)), -1);
            case UP:
            case DOWN:
                Bundle granularity = new Bundle();
                granularity.putInt(AccessibilityNodeInfo.ACTION_ARGUMENT_MOVEMENT_GRANULARITY_INT,
                        AccessibilityNodeInfo.MOVEMENT_GRANULARITY_LINE);
                return field.performAction(key == KeyboardKey.UP
                        ? AccessibilityNodeInfo.ACTION_PREVIOUS_AT_MOVEMENT_GRANULARITY
                        : AccessibilityNodeInfo.ACTION_NEXT_AT_MOVEMENT_GRANULARITY, granularity);
            case SELECT_ALL:
                return select(field, 0, length);
            case COPY:
            case CUT:
                if (start != end && text != null) {
                    copied.accept(text.subSequence(Math.min(start, end), Math.max(start, end)).toString());
                }
                return field.performAction(key == KeyboardKey.COPY ? AccessibilityNodeInfo.ACTION_COPY
                        : AccessibilityNodeInfo.ACTION_CUT);
            case PASTE:
                return field.performAction(AccessibilityNodeInfo.ACTION_PASTE);
            default:
                return false;
        }
    }

    /** Puts the caret (end -1: a caret at {@code start}) or the selection in {@code field}. */
    private static boolean select(AccessibilityNodeInfo field, int start, int end) {
        Bundle selection = new Bundle();
        selection.putInt(AccessibilityNodeInfo.ACTION_ARGUMENT_SELECTION_START_INT, start);
        selection.putInt(AccessibilityNodeInfo.ACTION_ARGUMENT_SELECTION_END_INT, end < 0 ? start : end);
        return field.performAction(AccessibilityNodeInfo.ACTION_SET_SELECTION, selection);
    }

    private static boolean moveFocus(AccessibilityService service, int direction) {
        AccessibilityNodeInfo from = service.findFocus(AccessibilityNodeInfo.FOCUS_INPUT);
        if (from == null) {
            from = service.findFocus(AccessibilityNodeInfo.FOCUS_ACCESSIBILITY);
        }
        AccessibilityNodeInfo to = from == null ? null : from.focusSearch(direction);
        return to != null && to.performAction(AccessibilityNodeInfo.ACTION_FOCUS);
    }

    @SinceApi(30)
    private static boolean enter(AccessibilityNodeInfo field) {
        return field.performAction(AccessibilityNodeInfo.AccessibilityAction.ACTION_IME_ENTER.getId());
    }

    /** Android 13's D-pad actions move the focus in apps that support a keyboard. */
    @SinceApi(33)
    private static boolean dpad(AccessibilityService service, KeyboardKey key) {
        switch (key) {
            case LEFT:
                return service.performGlobalAction(AccessibilityService.GLOBAL_ACTION_DPAD_LEFT);
            case RIGHT:
                return service.performGlobalAction(AccessibilityService.GLOBAL_ACTION_DPAD_RIGHT);
            case UP:
                return service.performGlobalAction(AccessibilityService.GLOBAL_ACTION_DPAD_UP);
            case DOWN:
                return service.performGlobalAction(AccessibilityService.GLOBAL_ACTION_DPAD_DOWN);
            default:
                return false;
        }
    }
}
