package dev.tandem.device.screen;

import java.awt.Color;

/** The UI's colours in the light or the dark theme. Thread-safe (immutable). */
record Palette(Color background, Color surface, Color text, Color secondaryText, Color divider, Color accent,
               Color onAccent, Color switchOffTrack, Color switchOffThumb, Color wallpaperTop, Color wallpaperBottom,
               Color shade, Color tileOff, Color keyboard, Color key, Color specialKey, Color scrim) {

    static final Palette LIGHT = new Palette(rgb(0xF7F9FC), rgb(0xFFFFFF), rgb(0x1F1F1F), rgb(0x5F6368),
            rgb(0xE3E6EA), rgb(0x0B57D0), rgb(0xFFFFFF), rgb(0xE1E3E6), rgb(0x74777F), rgb(0x5B7FD8), rgb(0xF2B5C9),
            rgb(0xEEF1F8), rgb(0xDDE3EA), rgb(0xE8EAED), rgb(0xFFFFFF), rgb(0xC9D1DC), new Color(0, 0, 0, 90));

    static final Palette DARK = new Palette(rgb(0x111318), rgb(0x1E2026), rgb(0xE3E3E3), rgb(0xA8ABB2),
            rgb(0x2C2F36), rgb(0xA8C7FA), rgb(0x062E6F), rgb(0x3A3D44), rgb(0x8E9199), rgb(0x1B2A4E), rgb(0x4A2740),
            rgb(0x1B1D22), rgb(0x2C2F36), rgb(0x1B1B1F), rgb(0x3C3F45), rgb(0x2A2D33), new Color(0, 0, 0, 140));

    static Palette of(PhoneState state) {
        return state.darkTheme() ? DARK : LIGHT;
    }

    private static Color rgb(int rgb) {
        return new Color(rgb);
    }
}
