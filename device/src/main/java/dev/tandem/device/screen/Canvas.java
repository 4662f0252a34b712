package dev.tandem.device.screen;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.RoundRectangle2D;

/**
 * A {@link Graphics2D} with the few drawing moves the phone's screens repeat: rounded shapes,
 * text placed by baseline or centred, text shortened to fit. Not thread-safe: one per render.
 */
final class Canvas {
    private static final String FAMILY = Font.SANS_SERIF;

    final Graphics2D g;
    final Palette palette;

    Canvas(Graphics2D g, Palette palette) {
        this.g = g;
        this.palette = palette;
    }

    static Font font(int size, boolean bold) {
        return new Font(FAMILY, bold ? Font.BOLD : Font.PLAIN, size);
    }

    void fill(Color color, int x, int y, int width, int height) {
        g.setColor(color);
        g.fillRect(x, y, width, height);
    }

    void roundRect(Color color, Bounds b, int radius) {
        roundRect(color, b.x(), b.y(), b.width(), b.height(), radius);
    }

    void roundRect(Color color, int x, int y, int width, int height, int radius) {
        g.setColor(color);
        g.fill(new RoundRectangle2D.Float(x, y, width, height, radius * 2f, radius * 2f));
    }

    void outline(Color color, Bounds b, int radius, float strokeWidth) {
        g.setColor(color);
        g.setStroke(new BasicStroke(strokeWidth));
        g.draw(new RoundRectangle2D.Float(b.x(), b.y(), b.width(), b.height(), radius * 2f, radius * 2f));
    }

    void circle(Color color, int centerX, int centerY, int radius) {
        g.setColor(color);
        g.fillOval(centerX - radius, centerY - radius, radius * 2, radius * 2);
    }

    /** Draws {@code s} with its baseline at {@code baseline}, cut with "…" to {@code maxWidth}; returns its width. */
    int text(String s, Font font, Color color, int x, int baseline, int maxWidth) {
        g.setFont(font);
        g.setColor(color);
        String shown = fit(s, maxWidth);
        g.drawString(shown, x, baseline);
        return g.getFontMetrics().stringWidth(shown);
    }

    int text(String s, Font font, Color color, int x, int baseline) {
        return text(s, font, color, x, baseline, Integer.MAX_VALUE);
    }

    /** Draws {@code s} centred on {@code centerX}, baseline at {@code baseline}. */
    void centered(String s, Font font, Color color, int centerX, int baseline) {
        g.setFont(font);
        g.setColor(color);
        g.drawString(s, centerX - g.getFontMetrics().stringWidth(s) / 2, baseline);
    }

    /** Draws {@code s} centred in {@code b} both ways. */
    void centeredIn(String s, Font font, Color color, Bounds b) {
        g.setFont(font);
        FontMetrics metrics = g.getFontMetrics();
        int baseline = b.y() + (b.height() - metrics.getAscent() - metrics.getDescent()) / 2 + metrics.getAscent();
        centered(s, font, color, b.centerX(), baseline);
    }

    /** Draws {@code s} ending at {@code right}; returns its width. */
    int rightAligned(String s, Font font, Color color, int right, int baseline) {
        g.setFont(font);
        int width = g.getFontMetrics().stringWidth(s);
        text(s, font, color, right - width, baseline);
        return width;
    }

    int width(String s, Font font) {
        return g.getFontMetrics(font).stringWidth(s);
    }

    private String fit(String s, int maxWidth) {
        FontMetrics metrics = g.getFontMetrics();
        if (metrics.stringWidth(s) <= maxWidth) {
            return s;
        }
        String cut = s;
        while (!cut.isEmpty() && metrics.stringWidth(cut + "\u2026") > maxWidth) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "\u2026";
    }

    static Color withAlpha(Color color, int alpha) {
        return new Color(color.getRed(), color.getGreen(), color.getBlue(), alpha);
    }

    static Color mix(Color a, Color b, double amountOfB) {
        double keep = 1 - amountOfB;
        return new Color((int) (a.getRed() * keep + b.getRed() * amountOfB),
                (int) (a.getGreen() * keep + b.getGreen() * amountOfB),
                (int) (a.getBlue() * keep + b.getBlue() * amountOfB));
    }
}
