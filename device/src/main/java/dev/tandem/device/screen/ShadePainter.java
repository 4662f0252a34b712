package dev.tandem.device.screen;

import java.awt.Color;
import java.time.LocalDateTime;
import java.util.List;

/** Draws the pulled-down notification shade: time and date, quick tiles, notifications, a scrim below. */
final class ShadePainter {
    private static final int CORNER_RADIUS = 56;
    /** The opaque panel hides every pixel above this row: it spans the width, and only its bottom corners are round. */
    static final int HIDES_ABOVE = Layout.SHADE_BOTTOM - CORNER_RADIUS - 1;

    private ShadePainter() {
    }

    /** Darkens the screen below {@code top} (the rows the panel leaves to be seen, or all of them). */
    static void scrim(Canvas c, int top) {
        c.fill(c.palette.scrim(), 0, top, Layout.WIDTH, Layout.HEIGHT - top);
    }

    /** The panel over the {@link #scrim}. */
    static void draw(Canvas c, PhoneState state, LocalDateTime now) {
        Palette p = c.palette;
        Color panel = state.darkTheme() ? p.shade() : new Color(0x2B2F3A);
        c.roundRect(panel, 0, -60, Layout.WIDTH, Layout.SHADE_BOTTOM + 60, CORNER_RADIUS);
        c.text(PhoneRenderer.CLOCK.format(now), Canvas.font(104, false), Color.WHITE, 60, 220);
        c.text(PhoneRenderer.DATE.format(now), Canvas.font(40, false), new Color(0xC4C7CF), 60, 285);
        List<Setting> tiles = Layout.QUICK_TILES;
        for (int i = 0; i < tiles.size(); i++) {
            tile(c, tiles.get(i), state.isOn(tiles.get(i)), Layout.quickTile(i));
        }
        List<Notification> notifications = state.notifications();
        for (int i = 0; i < Math.min(Layout.MAX_NOTIFICATIONS, notifications.size()); i++) {
            notification(c, notifications.get(i), Layout.notification(i));
        }
        c.roundRect(new Color(0x80868B), Layout.WIDTH / 2 - 60, Layout.SHADE_BOTTOM - 34, 120, 12, 6);
    }

    private static void tile(Canvas c, Setting setting, boolean on, Bounds b) {
        Color fill = on ? new Color(0xA8C7FA) : new Color(0x3C404B);
        Color ink = on ? new Color(0x062E6F) : new Color(0xE3E3E3);
        c.roundRect(fill, b, b.height() / 2);
        c.circle(on ? new Color(0x7FA7F0) : new Color(0x52566A), b.x() + 76, b.centerY(), 40);
        c.circle(ink, b.x() + 76, b.centerY(), 13);
        c.text(setting.label(), Canvas.font(36, true), ink, b.x() + 136, b.centerY() - 6, b.width() - 160);
        c.text(on ? "On" : "Off", Canvas.font(34, false), ink, b.x() + 136, b.centerY() + 44);
    }

    private static void notification(Canvas c, Notification n, Bounds b) {
        c.roundRect(new Color(0xF1F3F8), b, 40);
        boolean tandem = n.app().equals("Tandem");
        Color accent = tandem ? new Color(0xD93025) : new Color(0x1A73E8);
        Glyphs.avatar(c, accent, n.app(), b.x() + 80, b.y() + 80, 40);
        c.text(n.app() + " \u00B7 now", Canvas.font(32, false), new Color(0x5F6368), b.x() + 150, b.y() + 60);
        c.text(n.title(), Canvas.font(42, true), new Color(0x1F1F1F), b.x() + 150, b.y() + 115, b.width() - 190);
        c.text(n.text(), Canvas.font(36, false), new Color(0x444746), b.x() + 150, b.y() + 165, b.width() - 190);
    }
}
