package dev.tandem.device.screen;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;

/** Draws the Messages app: a short conversation, the text field, and the keyboard while it has focus. */
final class MessagesPainter {
    private static final String CONTACT = "Anna";
    private static final String[][] CONVERSATION = {
        {"in", "Hi! Did the phone start working again?"},
        {"out", "Not yet, the Wi-Fi keeps dropping."},
        {"in", "Ask the technician to have a look, they can see your screen."},
        {"out", "Good idea, starting a Tandem session now."},
    };

    private MessagesPainter() {
    }

    static void draw(Canvas c, PhoneState state) {
        Palette p = c.palette;
        c.fill(p.background(), 0, 0, Layout.WIDTH, Layout.TITLE_BAR_BOTTOM);
        Bounds arrow = Layout.TITLE_BACK_ARROW;
        Glyphs.arrowLeft(c, p.text(), arrow.centerX(), arrow.centerY(), 52);
        Glyphs.avatar(c, new Color(0xFFE37400), CONTACT, 240, arrow.centerY(), 56);
        c.text(CONTACT, Canvas.font(56, false), p.text(), 320, arrow.centerY() + 20);
        c.fill(p.divider(), 0, Layout.TITLE_BAR_BOTTOM - 2, Layout.WIDTH, 2);
        conversation(c, state.keyboardShown() ? Layout.textField(true).y() : Layout.textField(false).y());
        field(c, state);
        if (state.keyboardShown()) {
            keyboard(c, state.shifted());
        }
    }

    private static void conversation(Canvas c, int bottom) {
        Font font = Canvas.font(42, false);
        int y = bottom - 40;
        for (int i = CONVERSATION.length - 1; i >= 0 && y > Layout.TITLE_BAR_BOTTOM + 160; i--) {
            boolean incoming = CONVERSATION[i][0].equals("in");
            String text = CONVERSATION[i][1];
            int width = Math.min(760, c.width(text, font) + 80);
            String[] lines = wrap(c, text, font, width - 80);
            int height = 50 + lines.length * 56;
            y -= height;
            int x = incoming ? 60 : Layout.WIDTH - 60 - width;
            Color bubble = incoming ? c.palette.surface() : c.palette.accent();
            Color ink = incoming ? c.palette.text() : c.palette.onAccent();
            c.roundRect(bubble, x, y, width, height, 44);
            for (int line = 0; line < lines.length; line++) {
                c.text(lines[line], font, ink, x + 40, y + 68 + line * 56);
            }
            y -= 30;
        }
    }

    private static String[] wrap(Canvas c, String text, Font font, int maxWidth) {
        StringBuilder out = new StringBuilder();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (c.width(candidate, font) > maxWidth && line.length() > 0) {
                out.append(line).append('\n');
                line.setLength(0);
                line.append(word);
            } else {
                line.setLength(0);
                line.append(candidate);
            }
        }
        return out.append(line).toString().split("\n");
    }

    private static void field(Canvas c, PhoneState state) {
        Palette p = c.palette;
        boolean focused = state.keyboardShown();
        Bounds field = Layout.textField(focused);
        c.roundRect(p.surface(), field, field.height() / 2);
        if (focused) {
            c.outline(p.accent(), field, field.height() / 2, 4f);
        }
        Font font = Canvas.font(46, false);
        int baseline = field.centerY() + 16;
        int maxWidth = field.width() - 100;
        if (state.text().isEmpty() && !focused) {
            c.text("Text message", font, p.secondaryText(), field.x() + 50, baseline);
        } else {
            String shown = state.text();
            int caret = state.caret();
            while (c.width(shown, font) > maxWidth && caret > 0) {
                shown = shown.substring(1); // keep the caret in view
                caret--;
            }
            if (state.allSelected()) {
                c.fill(Canvas.mix(p.accent(), p.surface(), 0.7), field.x() + 46, field.centerY() - 34,
                        c.width(shown, font) + 8, 68);
            }
            c.text(shown, font, p.text(), field.x() + 50, baseline, maxWidth);
            if (focused) {
                int before = c.width(shown.substring(0, Math.min(caret, shown.length())), font);
                c.fill(p.accent(), field.x() + 54 + before, field.centerY() - 30, 4, 60);
            }
        }
        Bounds send = Layout.sendButton(focused);
        c.circle(state.text().isEmpty() ? p.divider() : p.accent(), send.centerX(), send.centerY(), send.width() / 2);
        c.centeredIn("\u27A4", Canvas.font(52, false), state.text().isEmpty() ? p.secondaryText() : p.onAccent(), send);
    }

    private static void keyboard(Canvas c, boolean shifted) {
        Palette p = c.palette;
        c.fill(p.keyboard(), 0, Layout.KEYBOARD_TOP, Layout.WIDTH, Layout.NAV_BAR_TOP - Layout.KEYBOARD_TOP);
        Font letters = Canvas.font(54, false);
        Font symbols = Canvas.font(48, false);
        for (Key key : Layout.KEYS) {
            Bounds b = key.bounds();
            Bounds face = new Bounds(b.x() + 7, b.y(), b.width() - 14, b.height());
            boolean special = key.kind() != Key.Kind.LETTER && key.kind() != Key.Kind.SPACE
                    && key.kind() != Key.Kind.PUNCTUATION;
            Color fill = key.kind() == Key.Kind.ENTER ? p.accent()
                    : special || (key.kind() == Key.Kind.SHIFT && shifted) ? p.specialKey() : p.key();
            c.roundRect(new Color(0, 0, 0, 30), face.x(), face.y() + 3, face.width(), face.height(), 18);
            c.roundRect(fill, face, 18);
            Color ink = key.kind() == Key.Kind.ENTER ? p.onAccent() : p.text();
            switch (key.kind()) {
                case LETTER:
                    c.centeredIn(key.typed(shifted), letters, ink, face);
                    break;
                case SPACE:
                    c.centeredIn("English", Canvas.font(36, false), p.secondaryText(), face);
                    break;
                case SHIFT:
                    shift(c, shifted ? p.accent() : ink, face);
                    break;
                default:
                    c.centeredIn(key.label(), symbols, ink, face);
            }
        }
    }

    private static void shift(Canvas c, Color color, Bounds face) {
        int cx = face.centerX();
        int cy = face.centerY();
        int[] xs = {cx, cx + 26, cx + 12, cx + 12, cx - 12, cx - 12, cx - 26};
        int[] ys = {cy - 28, cy, cy, cy + 24, cy + 24, cy, cy};
        c.g.setColor(color);
        c.g.setStroke(new BasicStroke(4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        c.g.drawPolygon(xs, ys, xs.length);
    }
}
