package dev.tandem.device.screen;

/** The switches in the Settings app, in list order, with how they start on a fresh phone. */
public enum Setting {
    WIFI("Wi-Fi", "Connected to Home-5G", "Off", true, 0xFF1A73E8),
    MOBILE_DATA("Mobile data", "4G \u00B7 12.3 GB used", "Off", true, 0xFF1E8E3E),
    BLUETOOTH("Bluetooth", "On \u00B7 Buds Pro", "Off", true, 0xFF4285F4),
    HOTSPOT("Hotspot & tethering", "Sharing the connection", "Not sharing", false, 0xFFE8710A),
    AIRPLANE_MODE("Airplane mode", "All radios off", "Off", false, 0xFF5F6368),
    NFC("NFC", "Tap to pay is ready", "Off", true, 0xFF00838F),
    LOCATION("Location", "Apps can use location", "Off", true, 0xFF0F9D58),
    DO_NOT_DISTURB("Do not disturb", "Until you turn it off", "Off", false, 0xFF7B1FA2),
    DARK_THEME("Dark theme", "On", "Off", false, 0xFF5E35B1),
    AUTO_ROTATE("Auto-rotate", "On", "Portrait only", true, 0xFF00897B),
    ADAPTIVE_BRIGHTNESS("Adaptive brightness", "Adjusts to your light", "Off", true, 0xFFF9AB00),
    BATTERY_SAVER("Battery saver", "On \u00B7 some features limited", "Off", false, 0xFF34A853),
    VIBRATE_ON_TAP("Vibrate on tap", "On", "Off", true, 0xFFD93025),
    LOCK_SCREEN_NOTIFICATIONS("Notifications on lock screen", "Show all content", "Hidden", true, 0xFFE37400),
    AUTO_UPDATE_APPS("Auto-update apps", "Over Wi-Fi only", "Off", true, 0xFF01875F),
    USAGE_DIAGNOSTICS("Usage & diagnostics", "Sending reports", "Not sending", false, 0xFF80868B);

    private final String label;
    private final String summaryOn;
    private final String summaryOff;
    private final boolean onByDefault;
    private final int color;

    Setting(String label, String summaryOn, String summaryOff, boolean onByDefault, int color) {
        this.label = label;
        this.summaryOn = summaryOn;
        this.summaryOff = summaryOff;
        this.onByDefault = onByDefault;
        this.color = color;
    }

    public String label() {
        return label;
    }

    /** Whether a fresh phone has this switched on. */
    public boolean onByDefault() {
        return onByDefault;
    }

    /** The grey line under the label. */
    String summary(boolean on) {
        return on ? summaryOn : summaryOff;
    }

    int color() {
        return color;
    }
}
