package dev.tandem.android.input;

import android.accessibilityservice.AccessibilityService;
import android.content.Context;
import android.hardware.display.DisplayManager;
import android.util.DisplayMetrics;
import android.view.Display;
import dev.tandem.agent.screen.KeyboardKey;
import dev.tandem.agent.screen.PhoneInput;
import dev.tandem.agent.screen.SoftKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's {@link PhoneInput} through {@link TandemAccessibilityService}: the live finger with
 * {@code dispatchGesture} and {@code continueStroke} ({@link Finger}), the wheel as a swipe of a
 * twelfth of the screen per notch, Back/Home/Recents with {@code performGlobalAction}, text and keys
 * into the focused field ({@link FocusedField}), and a wake-up for a dark screen ({@link ScreenWaker}).
 * When the service is not running (the customer has not switched it on) input is dropped with a log
 * line: the capability report already told the technician why. Thread-safe.
 */
public final class AccessibilityInput implements PhoneInput {
    /** One notch of the technician's wheel scrolls this part of the screen's height. */
    static final int NOTCHES_PER_SCREEN = 12;
    private static final Logger log = LoggerFactory.getLogger(AccessibilityInput.class);

    private final Context context;
    private final AndroidClipboard clipboard;
    private final ScreenWaker waker;
    private final Finger finger = new Finger(() -> service("touch the screen"));

    public AccessibilityInput(Context context, AndroidClipboard clipboard) {
        this.context = context.getApplicationContext() != null ? context.getApplicationContext() : context;
        this.clipboard = clipboard;
        this.waker = new ScreenWaker(this.context);
    }

    @Override
    public void touchDown(int x, int y) {
        finger.down(x, y);
    }

    @Override
    public void touchMove(int x, int y) {
        finger.move(x, y);
    }

    @Override
    public void touchUp(int x, int y) {
        finger.up(x, y);
    }

    @Override
    public void scroll(int x, int y, int stepsRight, int stepsDown) {
        DisplayMetrics screen = screenSize();
        int notch = Math.max(1, screen.heightPixels / NOTCHES_PER_SCREEN);
        finger.scroll(x, y, stepsRight * notch, stepsDown * notch, screen.widthPixels, screen.heightPixels);
    }

    @Override
    public void softKey(SoftKey key) {
        AccessibilityService service = service("press " + key);
        if (service != null && !service.performGlobalAction(globalAction(key))) {
            log.warn("Android refused the {} key", key);
        }
    }

    @Override
    public void key(KeyboardKey key) {
        AccessibilityService service = service("press " + key);
        if (service != null && !FocusedField.key(service, key, clipboard::copiedOnThePhone)) {
            log.info("The {} key found nothing to act on", key);
        }
    }

    @Override
    public void type(String text) {
        AccessibilityService service = service("type");
        if (service != null && !FocusedField.type(service, text)) {
            log.info("Typed text dropped: no text field has the focus");
        }
    }

    @Override
    public void wake() {
        if (waker.wake()) {
            log.info("Input arrived while the screen was off: woke it");
        }
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

    private DisplayMetrics screenSize() {
        DisplayManager displays = (DisplayManager) context.getSystemService(Context.DISPLAY_SERVICE);
        DisplayMetrics metrics = new DisplayMetrics();
        displays.getDisplay(Display.DEFAULT_DISPLAY).getRealMetrics(metrics);
        return metrics;
    }

    private static AccessibilityService service(String what) {
        TandemAccessibilityService service = TandemAccessibilityService.connected();
        if (service == null) {
            log.info("Cannot {}: Tandem remote control is switched off in the accessibility settings", what);
        }
        return service;
    }
}
