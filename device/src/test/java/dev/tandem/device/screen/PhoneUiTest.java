package dev.tandem.device.screen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.agent.screen.SoftKey;
import dev.tandem.device.DeviceProfile;
import org.junit.jupiter.api.Test;

class PhoneUiTest {
    private final PhoneUi ui = PhoneUi.create(DeviceProfile.SAMSUNG);

    @Test
    void freshPhoneShowsHomeWithDefaultSettings() {
        PhoneState state = ui.state();
        assertThat(state.onHome()).isTrue();
        assertThat(state.isOn(Setting.WIFI)).isTrue();
        assertThat(state.darkTheme()).isFalse();
        assertThat(state.deviceName()).isEqualTo("Galaxy S23 Ultra \u00B7 Android 14");
    }

    @Test
    void tappingTheSettingsIconOpensSettings() {
        tap(Layout.homeIcon(PhoneApp.SETTINGS));

        assertThat(ui.state().showing(PhoneApp.SETTINGS)).isTrue();
        assertThat(ui.state().onHome()).isFalse();
    }

    @Test
    void tappingASettingsRowFlipsItsSwitchBothWays() {
        openSettings();
        int bluetooth = Setting.BLUETOOTH.ordinal();

        tap(Layout.settingsSwitch(bluetooth, 0));
        assertThat(ui.state().isOn(Setting.BLUETOOTH)).isFalse();
        tap(Layout.settingsRow(bluetooth, 0));
        assertThat(ui.state().isOn(Setting.BLUETOOTH)).isTrue();
    }

    @Test
    void swipingUpScrollsSettingsSoLaterRowsCanBeReachedAndStopsAtBothEnds() {
        openSettings();
        Setting last = Setting.values()[Setting.values().length - 1];
        assertThat(Layout.settingsRow(last.ordinal(), 0).y()).isGreaterThan(Layout.NAV_BAR_TOP);

        ui.swipe(540, 1500, 540, 1000, 300);
        assertThat(ui.state().settingsScroll()).isEqualTo(500);
        ui.swipe(540, 2200, 540, 400, 300);
        ui.swipe(540, 2200, 540, 400, 300);
        assertThat(ui.state().settingsScroll()).isEqualTo(PhoneState.maxSettingsScroll()).isPositive();

        Bounds lastRow = Layout.settingsRow(last.ordinal(), ui.state().settingsScroll());
        assertThat(lastRow.bottom()).isLessThanOrEqualTo(Layout.NAV_BAR_TOP);
        tap(lastRow);
        assertThat(ui.state().isOn(last)).isEqualTo(!last.onByDefault());

        ui.swipe(540, 500, 540, 2200, 300);
        ui.swipe(540, 500, 540, 2200, 300);
        assertThat(ui.state().settingsScroll()).isZero();
    }

    @Test
    void swipingDownFromTheTopEdgeOpensTheShadeAndBackClosesIt() {
        ui.swipe(540, 20, 540, 900, 250);
        assertThat(ui.state().shadeOpen()).isTrue();

        ui.softKey(SoftKey.BACK);
        assertThat(ui.state().shadeOpen()).isFalse();
        assertThat(ui.state().onHome()).isTrue();
    }

    @Test
    void swipingUpClosesTheShade() {
        ui.swipe(540, 10, 540, 1200, 250);
        ui.swipe(540, 1400, 540, 300, 250);
        assertThat(ui.state().shadeOpen()).isFalse();
    }

    @Test
    void swipingDownStartingBelowTheStatusBarDoesNotOpenTheShade() {
        ui.swipe(540, Layout.STATUS_BAR_HEIGHT + 20, 540, 1200, 250);
        assertThat(ui.state().shadeOpen()).isFalse();
    }

    @Test
    void quickTilesInTheShadeFlipTheSameSettings() {
        ui.swipe(540, 10, 540, 1200, 250);
        tap(Layout.quickTile(Layout.QUICK_TILES.indexOf(Setting.AIRPLANE_MODE)));
        assertThat(ui.state().isOn(Setting.AIRPLANE_MODE)).isTrue();

        tap(new Bounds(0, Layout.SHADE_BOTTOM + 100, Layout.WIDTH, 100));
        assertThat(ui.state().shadeOpen()).isFalse();
    }

    @Test
    void theScreenSharedNotificationComesAndGoes() {
        ui.setScreenShared(true);
        assertThat(ui.state().notifications()).first().isEqualTo(Notification.SCREEN_SHARED);
        ui.setScreenShared(false);
        assertThat(ui.state().notifications()).doesNotContain(Notification.SCREEN_SHARED);
    }

    @Test
    void homeGoesHomeFromAnywhere() {
        openSettings();
        ui.softKey(SoftKey.HOME);
        assertThat(ui.state().onHome()).isTrue();

        openMessagesAndFocusTheField();
        ui.swipe(540, 10, 540, 1200, 250);
        tap(Layout.navButton(1));
        PhoneState state = ui.state();
        assertThat(state.onHome()).isTrue();
        assertThat(state.shadeOpen()).isFalse();
        assertThat(state.keyboardShown()).isFalse();

        ui.softKey(SoftKey.RECENTS);
        ui.softKey(SoftKey.HOME);
        assertThat(ui.state().onHome()).isTrue();
    }

    @Test
    void backLeavesAnAppAndTheNavigationBarBackButtonDoesTheSame() {
        openSettings();
        ui.softKey(SoftKey.BACK);
        assertThat(ui.state().onHome()).isTrue();

        tap(Layout.homeIcon(PhoneApp.CAMERA));
        tap(Layout.navButton(0));
        assertThat(ui.state().onHome()).isTrue();
    }

    @Test
    void recentsShowsAVisitedAppAndTappingItsCardReturnsToIt() {
        openSettings();
        ui.softKey(SoftKey.HOME);
        tap(Layout.homeIcon(PhoneApp.CAMERA));
        ui.softKey(SoftKey.RECENTS);

        PhoneState recents = ui.state();
        assertThat(recents.recentsShown()).isTrue();
        assertThat(recents.recentApps()).containsExactly(PhoneApp.CAMERA, PhoneApp.SETTINGS);

        tap(Layout.recentCard(1));
        assertThat(ui.state().showing(PhoneApp.SETTINGS)).isTrue();
        assertThat(ui.state().recentApps()).first().isEqualTo(PhoneApp.SETTINGS);
    }

    @Test
    void backAndHomeLeaveRecents() {
        openSettings();
        ui.softKey(SoftKey.RECENTS);
        ui.softKey(SoftKey.BACK);
        assertThat(ui.state().showing(PhoneApp.SETTINGS)).isTrue();

        ui.softKey(SoftKey.RECENTS);
        ui.softKey(SoftKey.HOME);
        assertThat(ui.state().onHome()).isTrue();
    }

    @Test
    void tappingTheTextFieldShowsTheKeyboardAndKeysType() {
        openMessagesAndFocusTheField();
        assertThat(ui.state().keyboardShown()).isTrue();

        pressKeys("hi");
        pressKey(Key.Kind.SPACE);
        pressKey(Key.Kind.SHIFT);
        pressKeys("ok");
        assertThat(ui.state().text()).isEqualTo("hi Ok");

        pressKey(Key.Kind.BACKSPACE);
        assertThat(ui.state().text()).isEqualTo("hi O");
    }

    @Test
    void typedTextGoesIntoTheFocusedFieldWithBackspaceAndEnter() {
        ui.type("ignored");
        assertThat(ui.state().text()).isEmpty();

        openMessagesAndFocusTheField();
        ui.type("h\u00E9llo");
        assertThat(ui.state().text()).isEqualTo("h\u00E9llo");
        ui.type("\b\b!");
        assertThat(ui.state().text()).isEqualTo("h\u00E9l!");

        ui.type("\nafter enter");
        assertThat(ui.state().keyboardShown()).isFalse();
        assertThat(ui.state().text()).isEqualTo("h\u00E9l!");
    }

    @Test
    void backHidesTheKeyboardBeforeLeavingMessages() {
        openMessagesAndFocusTheField();
        ui.softKey(SoftKey.BACK);
        assertThat(ui.state().keyboardShown()).isFalse();
        assertThat(ui.state().showing(PhoneApp.MESSAGES)).isTrue();

        ui.softKey(SoftKey.BACK);
        assertThat(ui.state().onHome()).isTrue();
    }

    @Test
    void longPressOnAHomeIconOpensItsMenuAndATapElsewhereDismissesIt() {
        press(Layout.homeIcon(PhoneApp.PHOTOS));
        assertThat(ui.state().menu()).contains(PhoneApp.PHOTOS);

        ui.tap(540, 700);
        assertThat(ui.state().menu()).isEmpty();
        assertThat(ui.state().onHome()).isTrue();
    }

    @Test
    void theMenusItemsOpenTheAppOrItsInfo() {
        press(Layout.homeIcon(PhoneApp.MAPS));
        tap(Layout.menuItem(PhoneApp.MAPS, 0));
        assertThat(ui.state().showing(PhoneApp.MAPS)).isTrue();

        ui.softKey(SoftKey.HOME);
        press(Layout.homeIcon(PhoneApp.FILES));
        tap(Layout.menuItem(PhoneApp.FILES, 1));
        assertThat(ui.state().showing(PhoneApp.SETTINGS)).isTrue();
    }

    @Test
    void inputThatChangesNothingLeavesAnEqualState() {
        PhoneState before = ui.state();
        ui.tap(540, 700);
        ui.longPress(540, 700);
        assertThat(ui.state()).isEqualTo(before);
    }

    private void openSettings() {
        tap(Layout.homeIcon(PhoneApp.SETTINGS));
    }

    private void openMessagesAndFocusTheField() {
        tap(Layout.homeIcon(PhoneApp.MESSAGES));
        assertThat(ui.state().showing(PhoneApp.MESSAGES)).isTrue();
        tap(Layout.textField(false));
    }

    private void pressKeys(String letters) {
        letters.chars().forEach(ch -> tap(Layout.KEYS.stream()
                .filter(key -> key.label().equals(String.valueOf((char) ch))).findFirst().orElseThrow().bounds()));
    }

    private void pressKey(Key.Kind kind) {
        tap(Layout.KEYS.stream().filter(key -> key.kind() == kind).findFirst().orElseThrow().bounds());
    }

    private void tap(Bounds b) {
        ui.tap(b.centerX(), b.centerY());
    }

    private void press(Bounds b) {
        ui.longPress(b.centerX(), b.centerY());
    }
}
