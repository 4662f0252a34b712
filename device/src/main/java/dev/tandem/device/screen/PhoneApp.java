package dev.tandem.device.screen;

/** The apps on the virtual phone's home screen, in grid order, with how their icon looks. */
public enum PhoneApp {
    PHONE("Phone", "\u260E", 0xFF1E8E3E),
    MESSAGES("Messages", "M", 0xFF1A73E8),
    BROWSER("Browser", "B", 0xFFE8710A),
    CAMERA("Camera", "C", 0xFF5F6368),
    PHOTOS("Photos", "P", 0xFFD93025),
    PLAY_STORE("Play Store", "\u25B6", 0xFF01875F),
    SETTINGS("Settings", "\u2699", 0xFF3C4043),
    CLOCK("Clock", "\u25F7", 0xFF174EA6),
    CALENDAR("Calendar", "31", 0xFF4285F4),
    MAPS("Maps", "\u2691", 0xFF0F9D58),
    MUSIC("Music", "\u266B", 0xFFA142F4),
    FILES("Files", "F", 0xFF00838F);

    private final String label;
    private final String glyph;
    private final int color;

    PhoneApp(String label, String glyph, int color) {
        this.label = label;
        this.glyph = glyph;
        this.color = color;
    }

    /** The name under the icon and in recents. */
    public String label() {
        return label;
    }

    /** The character drawn on the icon. */
    String glyph() {
        return glyph;
    }

    /** The icon's colour, opaque ARGB. */
    int color() {
        return color;
    }
}
