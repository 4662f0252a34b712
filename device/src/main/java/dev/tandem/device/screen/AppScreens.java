package dev.tandem.device.screen;

import java.awt.Color;
import java.awt.Shape;

/** Draws the app in front: Settings, Messages, or the placeholder every other app shows. */
final class AppScreens {
    private AppScreens() {
    }

    static void draw(Canvas c, PhoneApp app, PhoneState state) {
        c.fill(c.palette.background(), 0, 0, Layout.WIDTH, Layout.HEIGHT);
        switch (app) {
            case SETTINGS:
                settings(c, state);
                break;
            case MESSAGES:
                MessagesPainter.draw(c, state);
                break;
            default:
                placeholder(c, app);
        }
    }

    /** The bar under the status bar: a back arrow (except in Settings) and the big title. */
    static void titleBar(Canvas c, String title, boolean backArrow) {
        c.fill(c.palette.background(), 0, 0, Layout.WIDTH, Layout.TITLE_BAR_BOTTOM);
        if (backArrow) {
            Bounds arrow = Layout.TITLE_BACK_ARROW;
            Glyphs.arrowLeft(c, c.palette.text(), arrow.centerX(), arrow.centerY(), 52);
        }
        c.text(title, Canvas.font(84, false), c.palette.text(), 60, Layout.TITLE_BAR_BOTTOM - 50);
    }

    private static void settings(Canvas c, PhoneState state) {
        int scroll = state.settingsScroll();
        Shape clip = c.g.getClip();
        c.g.clipRect(0, Layout.LIST_TOP, Layout.WIDTH, Layout.NAV_BAR_TOP - Layout.LIST_TOP);
        Setting[] settings = Setting.values();
        for (int i = 0; i < Layout.SETTINGS_ROWS; i++) {
            Bounds row = Layout.settingsRow(i, scroll);
            if (row.bottom() < Layout.LIST_TOP || row.y() > Layout.NAV_BAR_TOP) {
                continue;
            }
            if (i < settings.length) {
                Setting setting = settings[i];
                boolean on = state.isOn(setting);
                settingRow(c, row, setting.label(), setting.summary(on), new Color(setting.color()));
                Glyphs.toggle(c, Layout.settingsSwitch(i, scroll), on);
                if (setting == state.focusedSetting()) {
                    c.outline(c.palette.accent(), new Bounds(row.x() + 12, row.y() + 8, row.width() - 24,
                            row.height() - 16), 24, 6f); // the keyboard's focus ring
                }
            } else {
                settingRow(c, row, "About phone", state.deviceName(), new Color(0xFF5F6368));
            }
        }
        c.g.setClip(clip);
        titleBar(c, "Settings", false);
        if (scroll > 0) {
            c.fill(c.palette.divider(), 0, Layout.TITLE_BAR_BOTTOM - 2, Layout.WIDTH, 2);
        }
    }

    private static void settingRow(Canvas c, Bounds row, String label, String summary, Color iconColor) {
        int textRight = Layout.WIDTH - 60 - Layout.SWITCH_WIDTH - 40;
        c.circle(Canvas.mix(iconColor, c.palette.background(), 0.75), 120, row.centerY(), 50);
        c.circle(iconColor, 120, row.centerY(), 20);
        c.text(label, Canvas.font(48, false), c.palette.text(), 210, row.y() + 82, textRight - 210);
        c.text(summary, Canvas.font(36, false), c.palette.secondaryText(), 210, row.y() + 134, textRight - 210);
    }

    private static void placeholder(Canvas c, PhoneApp app) {
        titleBar(c, app.label(), true);
        int size = 300;
        Bounds icon = new Bounds((Layout.WIDTH - size) / 2, 900, size, size);
        Glyphs.appIcon(c, app, icon);
        c.centered(app.label(), Canvas.font(64, false), c.palette.text(), Layout.WIDTH / 2, icon.bottom() + 130);
        c.centered("Nothing here yet on this virtual phone", Canvas.font(40, false), c.palette.secondaryText(),
                Layout.WIDTH / 2, icon.bottom() + 210);
    }
}
