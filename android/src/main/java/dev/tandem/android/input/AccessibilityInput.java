package dev.tandem.android.input;

import android.accessibilityservice.AccessibilityService;
import android.accessibilityservice.GestureDescription;
import android.graphics.Path;
import android.os.Build;
import android.os.Bundle;
import android.view.accessibility.AccessibilityNodeInfo;
import dev.tandem.agent.screen.PhoneInput;
import dev.tandem.agent.screen.SoftKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's {@link PhoneInput} through {@link TandemAccessibilityService}. When the service is not
 * running (the customer has not switched it on) input is dropped with a log line: the capability
 * report already told the technician why. Thread-safe: the service's methods may be called from any
 * thread.
 */
public final class AccessibilityInput implements PhoneInput {
    static final long TAP_MILLIS = 50;
    static final long LONG_PRESS_MILLIS = 800;
    private static final Logger log = LoggerFactory.getLogger(AccessibilityInput.class);

    @Override
    public void tap(int x, int y) {
        dispatch(stroke(x, y, x, y, TAP_MILLIS));
    }

    @Override
    public void longPress(int x, int y) {
        dispatch(stroke(x, y, x, y, LONG_PRESS_MILLIS));
    }

    @Override
    public void swipe(int fromX, int fromY, int toX, int toY, long durationMillis) {
        dispatch(stroke(fromX, fromY, toX, toY, durationMillis));
    }

    @Override
    public void softKey(SoftKey key) {
        AccessibilityService service = service("press " + key);
        if (service != null && !service.performGlobalAction(globalAction(key))) {
            log.warn("Android refused the {} key", key);
        }
    }

    @Override
    public void type(String text) {
        AccessibilityService service = service("type");
        if (service == null) {
            return;
        }
        AccessibilityNodeInfo field = service.findFocus(AccessibilityNodeInfo.FOCUS_INPUT);
        if (field == null || !field.isEditable()) {
            log.info("Typed text dropped: no text field has the focus");
            return;
        }
        if (text.equals("\n") && Build.VERSION.SDK_INT >= 30) {
            field.performAction(AccessibilityNodeInfo.AccessibilityAction.ACTION_IME_ENTER.getId());
            return;
        }
        // A field showing its hint reports the hint as its text on Android 8+.
        CharSequence current = Build.VERSION.SDK_INT >= 26 && field.isShowingHintText() ? "" : field.getText();
        TextEdit edit = TextEdit.apply(current, field.getTextSelectionStart(), field.getTextSelectionEnd(), text);
        Bundle arguments = new Bundle();
        arguments.putCharSequence(AccessibilityNodeInfo.ACTION_ARGUMENT_SET_TEXT_CHARSEQUENCE, edit.text());
        field.performAction(AccessibilityNodeInfo.ACTION_SET_TEXT, arguments);
        Bundle selection = new Bundle();
        selection.putInt(AccessibilityNodeInfo.ACTION_ARGUMENT_SELECTION_START_INT, edit.cursor());
        selection.putInt(AccessibilityNodeInfo.ACTION_ARGUMENT_SELECTION_END_INT, edit.cursor());
        field.performAction(AccessibilityNodeInfo.ACTION_SET_SELECTION, selection);
    }

    /** Android's global action for a soft key. */
    static int globalAction(SoftKey key) {
        switch (key) {
            case BACK:
                return AccessibilityService.GLOBAL_ACTION_BACK;
            case HOME:
                return AccessibilityService.GLOBAL_ACTION_HOME;
            default:
                return AccessibilityService.GLOBAL_ACTION_RECENTS;
        }
    }

    /** One finger from one point to another; the duration is clamped to what Android accepts. */
    static GestureDescription stroke(int fromX, int fromY, int toX, int toY, long durationMillis) {
        Path path = new Path();
        path.moveTo(Math.max(0, fromX), Math.max(0, fromY));
        if (fromX != toX || fromY != toY) {
            path.lineTo(Math.max(0, toX), Math.max(0, toY));
        }
        long duration = Math.max(1, Math.min(durationMillis, GestureDescription.getMaxGestureDuration()));
        return new GestureDescription.Builder()
                .addStroke(new GestureDescription.StrokeDescription(path, 0, duration)).build();
    }

    private static void dispatch(GestureDescription gesture) {
        AccessibilityService service = service("dispatch a gesture");
        if (service != null && !service.dispatchGesture(gesture, null, null)) {
            log.warn("Android refused a gesture");
        }
    }

    private static AccessibilityService service(String what) {
        TandemAccessibilityService service = TandemAccessibilityService.connected();
        if (service == null) {
            log.info("Cannot {}: Tandem remote control is switched off in the accessibility settings", what);
        }
        return service;
    }
}
