package dev.tandem.device.screen;

import dev.tandem.agent.screen.KeyboardKey;
import java.util.Optional;

/**
 * Keyboard navigation in the Settings list: Tab and Down move the focus ring to the next row, Shift+Tab
 * and Up to the previous one, and the list scrolls so the focused row is in view. Immutable.
 *
 * @param setting the focused row
 * @param scroll  the list's scroll with that row in view
 */
record SettingsFocus(Setting setting, int scroll) {

    /** Where {@code key} moves the focus from {@code focused} (null: none yet); empty for other keys. */
    static Optional<SettingsFocus> move(Setting focused, int scroll, KeyboardKey key) {
        Setting[] settings = Setting.values();
        int at = focused == null ? -1 : focused.ordinal();
        if (key == KeyboardKey.TAB || key == KeyboardKey.DOWN) {
            at = Math.min(settings.length - 1, at + 1);
        } else if (key == KeyboardKey.BACK_TAB || key == KeyboardKey.UP) {
            at = Math.max(0, at - 1);
        } else {
            return Optional.empty();
        }
        Bounds row = Layout.settingsRow(at, scroll);
        int inView = scroll;
        if (row.y() < Layout.LIST_TOP) {
            inView = scroll - (Layout.LIST_TOP - row.y());
        } else if (row.bottom() > Layout.NAV_BAR_TOP) {
            inView = scroll + row.bottom() - Layout.NAV_BAR_TOP;
        }
        return Optional.of(new SettingsFocus(settings[at], PhoneUi.clampScroll(inView)));
    }
}
