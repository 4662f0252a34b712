package dev.tandem.device.screen;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import dev.tandem.agent.screen.ScreenGeometry;
import dev.tandem.agent.screen.ScreenSize;
import java.awt.image.BufferedImage;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Draws a {@link PhoneState} as the phone's screen: status bar, the home screen / an app / recents,
 * the shade and menus on top, the navigation bar. Stateless and thread-safe: each call draws into
 * its own image.
 */
public final class PhoneRenderer {
    static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE, MMMM d", Locale.ENGLISH);

    private PhoneRenderer() {
    }

    public static PhoneRenderer create() {
        return new PhoneRenderer();
    }

    public int width() {
        return Layout.WIDTH;
    }

    public int height() {
        return Layout.HEIGHT;
    }

    /** The screen showing {@code state} at {@code now} (only its minute is drawn), as an ARGB image. */
    public BufferedImage render(PhoneState state, LocalDateTime now) {
        return render(state, now, ScreenGeometry.natural(ScreenSize.of(Layout.WIDTH, Layout.HEIGHT)));
    }

    /**
     * The same screen drawn into a frame of {@code geometry}'s size: scaled as a vector drawing (text
     * stays crisp at any size, and a smaller frame is cheaper to draw), fitted and centred on black.
     */
    public BufferedImage render(PhoneState state, LocalDateTime now, ScreenGeometry geometry) {
        return render(state, now, geometry, geometry.isNatural());
    }

    /** {@link #render(PhoneState, LocalDateTime, ScreenGeometry)}, drawing what the open shade hides only when told. */
    BufferedImage render(PhoneState state, LocalDateTime now, ScreenGeometry geometry, boolean skipHidden) {
        ScreenSize frame = geometry.frame();
        BufferedImage image = new BufferedImage(frame.width(), frame.height(), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            if (!geometry.isNatural()) {
                g.setColor(Color.BLACK);
                g.fillRect(0, 0, frame.width(), frame.height());
                g.translate(geometry.pictureX(), geometry.pictureY());
                g.scale((double) geometry.pictureWidth() / Layout.WIDTH, (double) geometry.pictureHeight() / Layout.HEIGHT);
                g.clipRect(0, 0, Layout.WIDTH, Layout.HEIGHT);
            }
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            draw(new Canvas(g, Palette.of(state)), state, now, skipHidden);
        } finally {
            g.dispose();
        }
        return image;
    }

    /**
     * Draws the screen. With {@code skipHidden} (only when not scaled: then the panel's sides lie on
     * pixel edges), the part of an app that the open shade hides is not drawn: the panel is opaque and
     * its only soft edge, the rounded bottom, lies in what is drawn, so the pixels are the same at half
     * the cost (the scrim alone blended 2.6 million pixels). Home is drawn whole: its wallpaper's
     * gradient came out a shade apart in a few pixels below a clip.
     */
    private void draw(Canvas c, PhoneState state, LocalDateTime now, boolean skipHidden) {
        if (!state.screenOn()) {
            c.fill(Color.BLACK, 0, 0, Layout.WIDTH, Layout.HEIGHT); // a dark screen shows nothing
            return;
        }
        boolean overWallpaper = state.recentsShown() || state.foregroundApp().isEmpty();
        Shape whole = c.g.getClip();
        int hiddenAbove = state.shadeOpen() && skipHidden && !overWallpaper ? ShadePainter.HIDES_ABOVE : 0;
        if (hiddenAbove > 0) {
            c.g.clipRect(0, hiddenAbove, Layout.WIDTH, Layout.HEIGHT - hiddenAbove);
        }
        if (state.recentsShown()) {
            wallpaper(c);
            c.fill(Canvas.withAlpha(Color.BLACK, 110), 0, 0, Layout.WIDTH, Layout.HEIGHT);
            recents(c, state);
        } else if (state.foregroundApp().isEmpty()) {
            wallpaper(c);
            home(c, now);
        } else {
            AppScreens.draw(c, state.foregroundApp().get(), state);
        }
        Color statusColor = overWallpaper || state.shadeOpen() ? Color.WHITE : c.palette.text();
        if (state.shadeOpen()) {
            ShadePainter.scrim(c, hiddenAbove);
            c.g.setClip(whole);
            ShadePainter.draw(c, state, now);
        }
        statusBar(c, state, now, statusColor);
        state.menu().ifPresent(app -> menu(c, app));
        navigationBar(c, overWallpaper || state.shadeOpen());
    }

    private void statusBar(Canvas c, PhoneState state, LocalDateTime now, Color color) {
        int baseline = 56;
        c.text(CLOCK.format(now), Canvas.font(38, false), color, 48, baseline);
        if (state.notifications().contains(Notification.SCREEN_SHARED)) {
            c.circle(new Color(0xD93025), 190, 42, 12);
        }
        int right = Layout.WIDTH - 44;
        right -= c.rightAligned(state.batteryPercent() + "%", Canvas.font(34, false), color, right, baseline) + 12;
        Glyphs.battery(c, color, right - 58, 43, 58, state.batteryPercent());
        right -= 58 + 26;
        if (state.isOn(Setting.AIRPLANE_MODE)) {
            Glyphs.airplane(c, color, right - 40, 62, 40);
            right -= 40 + 20;
        } else {
            Glyphs.signal(c, color, right - 40, 60, 36, state.isOn(Setting.MOBILE_DATA));
            right -= 40 + 22;
        }
        if (state.isOn(Setting.WIFI)) {
            Glyphs.wifi(c, color, right - 44, 62, 44);
            right -= 44 + 22;
        }
        if (state.isOn(Setting.DO_NOT_DISTURB)) {
            c.g.setColor(color);
            c.g.setStroke(new BasicStroke(4f));
            c.g.drawOval(right - 34, 25, 34, 34);
            c.g.drawLine(right - 26, 42, right - 8, 42);
        }
    }

    private void navigationBar(Canvas c, boolean translucent) {
        Color bar = translucent ? Canvas.withAlpha(Color.BLACK, 60) : c.palette.background();
        Color icon = translucent ? Color.WHITE : c.palette.text();
        c.fill(bar, 0, Layout.NAV_BAR_TOP, Layout.WIDTH, Layout.NAV_BAR_HEIGHT);
        int cy = Layout.NAV_BAR_TOP + Layout.NAV_BAR_HEIGHT / 2;
        Glyphs.back(c, icon, Layout.navButton(0).centerX(), cy, 44);
        Glyphs.home(c, icon, Layout.navButton(1).centerX(), cy, 48);
        Glyphs.recents(c, icon, Layout.navButton(2).centerX(), cy, 42);
    }

    private void wallpaper(Canvas c) {
        Palette p = c.palette;
        c.g.setPaint(new GradientPaint(0, 0, p.wallpaperTop(), Layout.WIDTH * 0.4f, Layout.HEIGHT, p.wallpaperBottom()));
        c.g.fillRect(0, 0, Layout.WIDTH, Layout.HEIGHT);
        c.circle(Canvas.withAlpha(Color.WHITE, 28), 900, 700, 420);
        c.circle(Canvas.withAlpha(Color.WHITE, 18), 150, 1650, 520);
    }

    private void home(Canvas c, LocalDateTime now) {
        c.text(DATE.format(now), Canvas.font(58, false), Color.WHITE, 70, 250);
        c.circle(new Color(0xFDD663), 92, 318, 22);
        c.text("21\u00B0C \u00B7 Mostly sunny", Canvas.font(40, false), Canvas.withAlpha(Color.WHITE, 230), 132, 333);
        for (PhoneApp app : PhoneApp.values()) {
            Bounds icon = Layout.homeIcon(app);
            Glyphs.appIcon(c, app, icon);
            c.centered(app.label(), Canvas.font(38, false), Canvas.withAlpha(Color.BLACK, 70), icon.centerX() + 2,
                    icon.bottom() + 62);
            c.centered(app.label(), Canvas.font(38, false), Color.WHITE, icon.centerX(), icon.bottom() + 60);
        }
        Bounds bar = Layout.SEARCH_BAR;
        c.roundRect(c.palette.surface(), bar, bar.height() / 2);
        Glyphs.search(c, c.palette.secondaryText(), bar.x() + 90, bar.centerY(), 46);
        c.text("Search", Canvas.font(44, false), c.palette.secondaryText(), bar.x() + 150, bar.centerY() + 16);
        microphone(c, c.palette.accent(), bar.right() - 80, bar.centerY());
    }

    private void microphone(Canvas c, Color color, int cx, int cy) {
        c.roundRect(color, cx - 11, cy - 36, 22, 44, 11);
        c.g.setStroke(new BasicStroke(5f));
        c.g.drawArc(cx - 22, cy - 20, 44, 40, 180, 180);
        c.g.drawLine(cx, cy + 20, cx, cy + 32);
    }

    private void recents(Canvas c, PhoneState state) {
        List<PhoneApp> apps = state.recentApps();
        if (apps.isEmpty()) {
            c.centered("No recent items", Canvas.font(48, false), Color.WHITE, Layout.WIDTH / 2, Layout.HEIGHT / 2);
            return;
        }
        for (int i = 0; i < Math.min(Layout.MAX_RECENT_CARDS, apps.size()); i++) {
            recentCard(c, apps.get(i), Layout.recentCard(i));
        }
        c.roundRect(Canvas.withAlpha(Color.WHITE, 235), Layout.CLEAR_ALL, Layout.CLEAR_ALL.height() / 2);
        c.centeredIn("Clear all", Canvas.font(42, true), new Color(0x1F1F1F), Layout.CLEAR_ALL);
    }

    private void recentCard(Canvas c, PhoneApp app, Bounds card) {
        Glyphs.appIcon(c, app, new Bounds(card.x(), card.y() - 4, 64, 64));
        c.text(app.label(), Canvas.font(40, true), Color.WHITE, card.x() + 84, card.y() + 44, card.width() - 84);
        Bounds body = new Bounds(card.x(), card.y() + 90, card.width(), card.height() - 90);
        c.roundRect(c.palette.background(), body, 36);
        Color tint = Canvas.mix(new Color(app.color()), c.palette.background(), 0.55);
        c.roundRect(tint, body.x(), body.y(), body.width(), 150, 36);
        c.fill(tint, body.x(), body.y() + 100, body.width(), 50);
        c.text(app.label(), Canvas.font(44, true), c.palette.text(), body.x() + 36, body.y() + 96, body.width() - 72);
        for (int line = 0; line < 6; line++) {
            int y = body.y() + 200 + line * 80;
            c.circle(Canvas.mix(new Color(app.color()), c.palette.background(), 0.3), body.x() + 60, y + 14, 24);
            c.roundRect(c.palette.divider(), body.x() + 110, y, body.width() - 150 - (line % 3) * 50, 28, 14);
        }
    }

    private void menu(Canvas c, PhoneApp app) {
        Bounds menu = Layout.menu(app);
        c.roundRect(Canvas.withAlpha(Color.BLACK, 60), menu.x() + 4, menu.y() + 10, menu.width(), menu.height(), 32);
        c.roundRect(c.palette.surface(), menu, 32);
        for (int i = 0; i < Layout.MENU_ITEMS.length; i++) {
            Bounds item = Layout.menuItem(app, i);
            String mark = i == 0 ? "\u2197" : "\u2139";
            c.centered(mark, Canvas.font(44, false), c.palette.text(), item.x() + 70, item.centerY() + 16);
            c.text(Layout.MENU_ITEMS[i], Canvas.font(44, false), c.palette.text(), item.x() + 130, item.centerY() + 16);
        }
    }
}
