package dev.tandem.device.screen;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A snapshot of everything the phone's screen shows, taken by {@link PhoneUi#state()}. Two equal
 * snapshots look the same (at the same minute), which is how {@link RenderedScreen} knows it need
 * not draw again. Thread-safe (immutable).
 *
 * @param deviceName      the phone's name for "About phone", e.g. "Galaxy S23 Ultra · Android 14"
 * @param screenOn        false while the screen is dark (the customer pressed the power button)
 * @param backStack       the apps opened on top of home, the foreground one last; empty on home
 * @param recentsShown    whether the recent-apps overview covers the screen
 * @param recentApps      apps opened so far, most recent first
 * @param switchedOn      the settings that are on
 * @param settingsScroll  how far the Settings list is scrolled, 0 to {@link #maxSettingsScroll()}
 * @param focusedSetting  the Settings row with the keyboard's focus ring, or null
 * @param shadeOpen       whether the notification shade is pulled down
 * @param keyboardShown   whether the Messages text field has focus and the keyboard shows
 * @param shifted         whether the next letter typed on the keyboard is a capital
 * @param text            the Messages text field's content
 * @param caret           where the text field's caret is, in chars
 * @param allSelected     whether the whole text is selected
 * @param menuApp         the home icon whose long-press menu is open, or null
 * @param batteryPercent  0 to 100
 * @param notifications   newest first
 */
public record PhoneState(String deviceName, boolean screenOn, List<PhoneApp> backStack, boolean recentsShown,
                         List<PhoneApp> recentApps, Set<Setting> switchedOn, int settingsScroll,
                         Setting focusedSetting, boolean shadeOpen, boolean keyboardShown, boolean shifted,
                         String text, int caret, boolean allSelected, PhoneApp menuApp, int batteryPercent,
                         List<Notification> notifications) {

    public PhoneState {
        backStack = List.copyOf(backStack);
        recentApps = List.copyOf(recentApps);
        switchedOn = Set.copyOf(switchedOn);
        notifications = List.copyOf(notifications);
    }

    /** The app in front, unless the home screen shows (recents may cover either). */
    public Optional<PhoneApp> foregroundApp() {
        return backStack.isEmpty() ? Optional.empty() : Optional.of(backStack.get(backStack.size() - 1));
    }

    /** Whether the home screen is what the user sees (no app, no recents; the shade may cover it). */
    public boolean onHome() {
        return backStack.isEmpty() && !recentsShown;
    }

    /** Whether {@code app} is in front and not covered by recents. */
    public boolean showing(PhoneApp app) {
        return !recentsShown && foregroundApp().filter(app::equals).isPresent();
    }

    public boolean isOn(Setting setting) {
        return switchedOn.contains(setting);
    }

    public boolean darkTheme() {
        return isOn(Setting.DARK_THEME);
    }

    public Optional<PhoneApp> menu() {
        return Optional.ofNullable(menuApp);
    }

    public static int maxSettingsScroll() {
        return Layout.MAX_SETTINGS_SCROLL;
    }
}
