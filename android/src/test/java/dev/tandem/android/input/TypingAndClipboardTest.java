package dev.tandem.android.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.robolectric.Shadows.shadowOf;

import android.app.Application;
import android.content.ClipData;
import android.content.ClipboardManager;
import android.content.Context;
import android.os.Bundle;
import android.view.accessibility.AccessibilityNodeInfo;
import dev.tandem.agent.screen.KeyboardKey;
import dev.tandem.agent.screen.PhoneClipboard;
import dev.tandem.android.testing.RemoteControlService;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.RobolectricTestRunner;
import org.robolectric.RuntimeEnvironment;
import org.robolectric.android.controller.ServiceController;
import org.robolectric.annotation.Config;
import org.robolectric.shadows.ShadowAccessibilityNodeInfo;
import org.robolectric.shadows.ShadowLooper;

/**
 * The technician's keyboard and the clipboard through Tandem's accessibility service: text goes into
 * the focused field of the app in front at its caret, arrows move the caret, select-all and copy hand
 * the selected text to the viewer (Android lets no background app read the clipboard), and the
 * viewer's cut text lands on the phone's clipboard. The field is a window node as Android hands it to
 * the service (Robolectric records the actions; the field applies text and selection as a real one).
 */
@RunWith(RobolectricTestRunner.class)
@Config(sdk = {26, 30, 35})
public class TypingAndClipboardTest {
    private final Application app = RuntimeEnvironment.getApplication();
    private final List<String> toTheViewer = new CopyOnWriteArrayList<>();
    private ServiceController<TandemAccessibilityService> service;
    private AndroidClipboard clipboard;
    private AccessibilityInput input;
    private PhoneClipboard.Watch watch;
    private AccessibilityNodeInfo field;

    @Before
    public void anAppWithAFocusedFieldIsInFront() {
        service = RemoteControlService.switchedOn();
        clipboard = new AndroidClipboard(app);
        input = new AccessibilityInput(app, clipboard);
        watch = clipboard.watch(toTheViewer::add);
        ShadowLooper.idleMainLooper();

        AccessibilityNodeInfo window = AccessibilityNodeInfo.obtain();
        AccessibilityNodeInfo label = AccessibilityNodeInfo.obtain();
        label.setText("Message");
        field = AccessibilityNodeInfo.obtain();
        field.setEditable(true);
        field.setFocusable(true);
        field.setFocused(true);
        field.setText("Hola");
        field.setTextSelection(4, 4);
        ShadowAccessibilityNodeInfo shadowField = shadowOf(field);
        shadowField.setOnPerformActionListener((action, arguments) -> behaveAsATextField(action, arguments));
        shadowOf(window).addChild(label);
        shadowOf(window).addChild(field);
        shadowOf(service.get()).setRootInActiveWindow(window);
    }

    @After
    public void switchOff() {
        watch.close();
        service.destroy();
    }

    /** What an EditText does with the service's actions. */
    private boolean behaveAsATextField(int action, Bundle arguments) {
        if (action == AccessibilityNodeInfo.ACTION_SET_TEXT) {
            field.setText(arguments.getCharSequence(AccessibilityNodeInfo.ACTION_ARGUMENT_SET_TEXT_CHARSEQUENCE));
        } else if (action == AccessibilityNodeInfo.ACTION_SET_SELECTION) {
            field.setTextSelection(arguments.getInt(AccessibilityNodeInfo.ACTION_ARGUMENT_SELECTION_START_INT),
                    arguments.getInt(AccessibilityNodeInfo.ACTION_ARGUMENT_SELECTION_END_INT));
        }
        return true;
    }

    private List<Integer> actions() {
        return shadowOf(field).getPerformedActions();
    }

    @Test
    public void typedTextGoesInAtTheCaretAndTheArrowsMoveIt() {
        input.type(" mundo");
        assertThat(field.getText().toString()).isEqualTo("Hola mundo");
        assertThat(field.getTextSelectionStart()).isEqualTo(10);

        input.key(KeyboardKey.LEFT);
        input.key(KeyboardKey.LEFT);
        assertThat(field.getTextSelectionStart()).isEqualTo(8);
        input.type("X");
        assertThat(field.getText().toString()).isEqualTo("Hola munXdo");

        input.key(KeyboardKey.RIGHT);
        input.key(KeyboardKey.FORWARD_DELETE);
        assertThat(field.getText().toString()).as("Delete takes the character after the caret").isEqualTo("Hola munXd");
    }

    @Test
    public void selectAllAndCopyHandTheTextToTheViewerAndPasteIsTheFieldsOwn() {
        input.key(KeyboardKey.SELECT_ALL);
        assertThat(field.getTextSelectionStart()).isZero();
        assertThat(field.getTextSelectionEnd()).isEqualTo(4);

        input.key(KeyboardKey.COPY);
        assertThat(actions()).contains(AccessibilityNodeInfo.ACTION_COPY);
        assertThat(toTheViewer).containsExactly("Hola");

        input.key(KeyboardKey.PASTE);
        assertThat(actions()).endsWith(AccessibilityNodeInfo.ACTION_PASTE);
    }

    @Test
    public void withoutAFocusedFieldTypedTextIsDropped() {
        field.setFocused(false);
        input.type("lost");
        assertThat(field.getText().toString()).isEqualTo("Hola");
        assertThat(actions()).doesNotContain(AccessibilityNodeInfo.ACTION_SET_TEXT);
    }

    @Test
    public void theViewersTextGoesOntoThePhonesClipboardAndIsNotEchoedBack() {
        clipboard.put("from the console");
        ShadowLooper.idleMainLooper();
        ClipboardManager manager = (ClipboardManager) app.getSystemService(Context.CLIPBOARD_SERVICE);
        assertThat(manager.getPrimaryClip().getItemAt(0).getText().toString()).isEqualTo("from the console");
        assertThat(toTheViewer).as("the technician's own text is not sent back").isEmpty();
    }

    @Test
    public void whatThePhoneCopiesWhileTandemMayReadItGoesToTheViewer() {
        ClipboardManager manager = (ClipboardManager) app.getSystemService(Context.CLIPBOARD_SERVICE);
        manager.setPrimaryClip(ClipData.newPlainText("note", "copied on the phone"));
        ShadowLooper.idleMainLooper();
        assertThat(toTheViewer).containsExactly("copied on the phone");

        watch.close();
        ShadowLooper.idleMainLooper();
        manager.setPrimaryClip(ClipData.newPlainText("note", "after the viewer left"));
        ShadowLooper.idleMainLooper();
        assertThat(toTheViewer).containsExactly("copied on the phone");
        watch = clipboard.watch(text -> { }); // for @After
    }
}
