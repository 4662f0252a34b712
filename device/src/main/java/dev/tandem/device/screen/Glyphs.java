package dev.tandem.device.screen;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Arc2D;
import java.awt.geom.Path2D;

/** The small pictures of the UI drawn as vector shapes: status icons, app icons, switches, nav buttons. */
final class Glyphs {
    private Glyphs() {
    }

    /** A Wi-Fi fan of three arcs and a dot, {@code size} wide, bottom tip at (x + size/2, bottom). */
    static void wifi(Canvas c, Color color, int x, int bottom, int size) {
        c.g.setColor(color);
        c.g.setStroke(new BasicStroke(size / 9f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        int cx = x + size / 2;
        for (int i = 1; i <= 3; i++) {
            int r = size * i / 6 + size / 12;
            c.g.draw(new Arc2D.Float(cx - r, bottom - r, 2 * r, 2 * r, 45, 90, Arc2D.OPEN));
        }
        c.circle(color, cx, bottom - size / 12, size / 12);
    }

    /** Four signal bars rising to the right; greyed out in airplane mode. */
    static void signal(Canvas c, Color color, int x, int bottom, int size, boolean active) {
        int bar = size / 5;
        for (int i = 0; i < 4; i++) {
            int h = size * (i + 1) / 4;
            Color fill = active ? color : Canvas.withAlpha(color, 90);
            c.roundRect(fill, x + i * (bar + bar / 3), bottom - h, bar, h, 2);
        }
    }

    /** A small airplane silhouette, nose up. */
    static void airplane(Canvas c, Color color, int x, int bottom, int size) {
        int cx = x + size / 2;
        int top = bottom - size;
        Path2D.Float p = new Path2D.Float();
        p.moveTo(cx, top);
        p.lineTo(cx + size * 0.08f, top + size * 0.35f);
        p.lineTo(cx + size * 0.5f, top + size * 0.6f);
        p.lineTo(cx + size * 0.08f, top + size * 0.55f);
        p.lineTo(cx + size * 0.06f, top + size * 0.85f);
        p.lineTo(cx + size * 0.22f, bottom);
        p.lineTo(cx - size * 0.22f, bottom);
        p.lineTo(cx - size * 0.06f, top + size * 0.85f);
        p.lineTo(cx - size * 0.08f, top + size * 0.55f);
        p.lineTo(cx - size * 0.5f, top + size * 0.6f);
        p.lineTo(cx - size * 0.08f, top + size * 0.35f);
        p.closePath();
        c.g.setColor(color);
        c.g.fill(p);
    }

    /** A horizontal battery {@code width} wide, filled to {@code percent}; red below 15 %. */
    static void battery(Canvas c, Color color, int x, int centerY, int width, int percent) {
        int height = width / 2;
        int top = centerY - height / 2;
        c.g.setColor(color);
        c.g.setStroke(new BasicStroke(3f));
        c.g.drawRoundRect(x, top, width - 6, height, 8, 8);
        c.roundRect(color, x + width - 5, centerY - height / 5, 5, height * 2 / 5, 2);
        int inner = (width - 14) * Math.max(0, Math.min(100, percent)) / 100;
        Color level = percent < 15 ? new Color(0xD93025) : color;
        c.roundRect(level, x + 4, top + 4, Math.max(2, inner), height - 7, 4);
    }

    /** An app's launcher icon: a coloured rounded square with a white glyph. */
    static void appIcon(Canvas c, PhoneApp app, Bounds b) {
        Color base = new Color(app.color());
        c.roundRect(new Color(0, 0, 0, 40), b.x() + 2, b.y() + 6, b.width(), b.height(), b.width() / 4);
        c.roundRect(base, b, b.width() / 4);
        c.roundRect(Canvas.mix(base, Color.WHITE, 0.14), b.x(), b.y(), b.width(), b.height() / 2, b.width() / 4);
        c.fill(Canvas.mix(base, Color.WHITE, 0.14), b.x(), b.y() + b.height() / 4, b.width(), b.height() / 4);
        int glyphSize = app.glyph().length() > 1 ? b.height() * 2 / 5 : b.height() / 2;
        c.centeredIn(app.glyph(), Canvas.font(glyphSize, true), Color.WHITE, b);
    }

    /** A Material switch: pill track, round thumb at the right (on, accent) or the left (off). */
    static void toggle(Canvas c, Bounds b, boolean on) {
        Palette p = c.palette;
        int radius = b.height() / 2;
        if (on) {
            c.roundRect(p.accent(), b, radius);
            c.circle(p.onAccent(), b.right() - radius, b.centerY(), radius - 10);
        } else {
            c.roundRect(p.switchOffTrack(), b, radius);
            c.outline(p.switchOffThumb(), new Bounds(b.x() + 2, b.y() + 2, b.width() - 4, b.height() - 4), radius - 2, 4f);
            c.circle(p.switchOffThumb(), b.x() + radius, b.centerY(), radius - 20);
        }
    }

    /** Back: a left-pointing triangle outline. */
    static void back(Canvas c, Color color, int cx, int cy, int size) {
        Path2D.Float p = new Path2D.Float();
        p.moveTo(cx + size / 2f, cy - size / 2f);
        p.lineTo(cx - size / 2f, cy);
        p.lineTo(cx + size / 2f, cy + size / 2f);
        p.closePath();
        stroke(c, color, size / 9f);
        c.g.draw(p);
    }

    /** Home: a circle outline. */
    static void home(Canvas c, Color color, int cx, int cy, int size) {
        stroke(c, color, size / 9f);
        c.g.drawOval(cx - size / 2, cy - size / 2, size, size);
    }

    /** Recents: a rounded square outline. */
    static void recents(Canvas c, Color color, int cx, int cy, int size) {
        stroke(c, color, size / 9f);
        c.g.drawRoundRect(cx - size / 2, cy - size / 2, size, size, size / 4, size / 4);
    }

    /** A left arrow, for the title bar's back button. */
    static void arrowLeft(Canvas c, Color color, int cx, int cy, int size) {
        stroke(c, color, size / 8f);
        c.g.drawLine(cx - size / 2, cy, cx + size / 2, cy);
        c.g.drawLine(cx - size / 2, cy, cx - size / 8, cy - size * 3 / 8);
        c.g.drawLine(cx - size / 2, cy, cx - size / 8, cy + size * 3 / 8);
    }

    /** A magnifying glass, for the search bar. */
    static void search(Canvas c, Color color, int cx, int cy, int size) {
        stroke(c, color, size / 8f);
        int r = size * 3 / 8;
        c.g.drawOval(cx - size / 2, cy - size / 2, 2 * r, 2 * r);
        c.g.drawLine(cx - size / 2 + 2 * r - size / 10, cy - size / 2 + 2 * r - size / 10, cx + size / 2, cy + size / 2);
    }

    /** A round avatar with the first letter of {@code name}. */
    static void avatar(Canvas c, Color color, String name, int cx, int cy, int radius) {
        c.circle(color, cx, cy, radius);
        Bounds b = new Bounds(cx - radius, cy - radius, 2 * radius, 2 * radius);
        c.centeredIn(name.substring(0, 1), Canvas.font(radius, true), Color.WHITE, b);
    }

    private static void stroke(Canvas c, Color color, float width) {
        c.g.setColor(color);
        c.g.setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    }
}
