package dev.tandem.device.screen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.agent.screen.KeyboardKey;
import dev.tandem.device.DeviceProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** The technician's live finger, wheel, keyboard and clipboard on the virtual phone, and waking its screen. */
class PhoneUiLiveInputTest {
    private final PhoneUi ui = PhoneUi.create(DeviceProfile.SAMSUNG);

    @Test
    void theSettingsListFollowsTheFingerBeforeItLifts() {
        openSettings();
        ui.touchDown(540, 1500);
        ui.touchMove(540, 1400);
        assertThat(ui.state().settingsScroll()).isEqualTo(100);
        ui.touchMove(540, 1100);
        assertThat(ui.state().settingsScroll()).isEqualTo(400);
        ui.touchUp(540, 1100);
        assertThat(ui.state().settingsScroll()).isEqualTo(400);
        assertThat(ui.state().isOn(Setting.WIFI)).as("a drag is no tap").isTrue();
    }

    @Test
    void theShadeFollowsADragFromTheStatusBarWhileTheFingerIsDown() {
        ui.touchDown(540, 10);
        ui.touchMove(540, 30);
        assertThat(ui.state().shadeOpen()).isFalse();
        ui.touchMove(540, 400);
        assertThat(ui.state().shadeOpen()).isTrue();
        ui.touchUp(540, 400);
        assertThat(ui.state().shadeOpen()).isTrue();
    }

    @Test
    void aQuickTouchIsATapAndASmallWobbleStaysOne() {
        Bounds settings = Layout.homeIcon(PhoneApp.SETTINGS);
        ui.touchDown(settings.centerX(), settings.centerY());
        ui.touchMove(settings.centerX() + 10, settings.centerY() + 10);
        ui.touchUp(settings.centerX() + 10, settings.centerY() + 10);
        assertThat(ui.state().showing(PhoneApp.SETTINGS)).isTrue();
    }

    @Test
    void aFingerHeldOnAHomeIconOpensItsMenuWhileStillDown() throws InterruptedException {
        Bounds messages = Layout.homeIcon(PhoneApp.MESSAGES);
        ui.touchDown(messages.centerX(), messages.centerY());
        awaitTrue(() -> ui.state().menu().isPresent());
        assertThat(ui.state().menu()).contains(PhoneApp.MESSAGES);
        ui.touchUp(messages.centerX(), messages.centerY());
        assertThat(ui.state().menu()).as("lifting after a long press is no tap").contains(PhoneApp.MESSAGES);
        assertThat(ui.state().onHome()).isTrue();
    }

    @Test
    void theWheelScrollsTheListUnderThePointerAndStopsAtTheTop() {
        openSettings();
        ui.scroll(540, 1500, 0, 3);
        assertThat(ui.state().settingsScroll()).isEqualTo(3 * PhoneUi.SCROLL_STEP);
        ui.scroll(540, 1500, 0, -10);
        assertThat(ui.state().settingsScroll()).isZero();
        ui.scroll(540, 200, 0, 3); // over the title bar: nothing scrolls
        assertThat(ui.state().settingsScroll()).isZero();
    }

    @Test
    void arrowsMoveTheCaretAndTypingGoesInThere() {
        openMessagesAndFocusTheField();
        ui.type("Hola mundo");
        for (int i = 0; i < 6; i++) {
            ui.key(KeyboardKey.LEFT);
        }
        ui.type(",");
        ui.key(KeyboardKey.RIGHT);
        ui.key(KeyboardKey.FORWARD_DELETE);
        ui.type("M");
        assertThat(ui.state().text()).isEqualTo("Hola, Mundo");
        assertThat(ui.state().caret()).isEqualTo(7);
    }

    @Test
    void selectAllCopyAndPasteGoThroughThePhonesClipboardAndWatchersHearOfCopies() {
        List<String> heard = new ArrayList<>();
        ui.clipboard().watch(heard::add);
        openMessagesAndFocusTheField();
        ui.type("4711");
        ui.key(KeyboardKey.COPY); // nothing selected: nothing copied
        ui.key(KeyboardKey.SELECT_ALL);
        ui.key(KeyboardKey.CUT);
        assertThat(ui.state().text()).isEmpty();
        assertThat(heard).containsExactly("4711");

        ui.clipboard().put("código 12");
        ui.key(KeyboardKey.PASTE);
        ui.key(KeyboardKey.PASTE);
        assertThat(ui.state().text()).isEqualTo("código 12código 12");
        assertThat(heard).as("text put on the clipboard is not reported back").containsExactly("4711");
    }

    @Test
    void tabAndArrowsWalkTheFocusThroughSettingsAndEnterFlipsTheFocusedSwitch() {
        openSettings();
        ui.key(KeyboardKey.TAB);
        assertThat(ui.state().focusedSetting()).isEqualTo(Setting.values()[0]);
        ui.key(KeyboardKey.DOWN);
        ui.key(KeyboardKey.TAB);
        ui.key(KeyboardKey.BACK_TAB);
        Setting focused = Setting.values()[1];
        assertThat(ui.state().focusedSetting()).isEqualTo(focused);
        boolean before = ui.state().isOn(focused);
        ui.type("\n");
        assertThat(ui.state().isOn(focused)).isEqualTo(!before);

        for (int i = 0; i < Setting.values().length; i++) {
            ui.key(KeyboardKey.DOWN);
        }
        Setting last = Setting.values()[Setting.values().length - 1];
        assertThat(ui.state().focusedSetting()).isEqualTo(last);
        assertThat(Layout.settingsRow(last.ordinal(), ui.state().settingsScroll()).bottom())
                .as("the focused row scrolled into view").isLessThanOrEqualTo(Layout.NAV_BAR_TOP);
    }

    @Test
    void tabInMessagesFocusesTheFieldAndTabAgainLeavesIt() {
        Bounds messages = Layout.homeIcon(PhoneApp.MESSAGES);
        ui.tap(messages.centerX(), messages.centerY());
        ui.key(KeyboardKey.TAB);
        assertThat(ui.state().keyboardShown()).isTrue();
        ui.key(KeyboardKey.TAB);
        assertThat(ui.state().keyboardShown()).isFalse();
    }

    @Test
    void aSleepingScreenIsDarkUntilInputWakesIt() {
        ui.sleep();
        assertThat(ui.state().screenOn()).isFalse();
        ui.wake();
        assertThat(ui.state().screenOn()).isTrue();
    }

    private void openSettings() {
        Bounds settings = Layout.homeIcon(PhoneApp.SETTINGS);
        ui.tap(settings.centerX(), settings.centerY());
    }

    private void openMessagesAndFocusTheField() {
        Bounds messages = Layout.homeIcon(PhoneApp.MESSAGES);
        ui.tap(messages.centerX(), messages.centerY());
        Bounds field = Layout.textField(false);
        ui.tap(field.centerX(), field.centerY());
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }
}
