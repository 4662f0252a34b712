package dev.tandem.bench;

/**
 * Where the benchmarks touch the virtual phone's 1080x2400 screen, worked out from
 * {@code dev.tandem.device.screen.Layout} (package-private there, so restated here; the latency
 * benchmark checks the phone's state to catch a drift).
 */
final class PhoneSpots {
    /** The Settings icon on the home screen: 7th app, row 2, column 3 of a 4 x 270 px grid from y 1060. */
    static final int SETTINGS_ICON_X = 2 * 270 + 135;
    static final int SETTINGS_ICON_Y = 1060 + 320 + 84;
    /** The switches' column in the Settings list. */
    static final int SWITCH_X = 1080 - 60 - 66;
    /** A point inside the Settings list (from y 340 to the navigation bar at 2270) for scrolling. */
    static final int LIST_X = 540;
    /** Above the status bar's bottom (80 px): a swipe down from here opens the notification shade. */
    static final int TOP_EDGE_Y = 5;
    /** Escape, which the phone takes as Back (and so does XF86Back). */
    static final int BACK_KEYSYM = 0xFF1B;

    private PhoneSpots() {
    }

    /** The vertical centre of the {@code row}-th visible row of the Settings list (180 px rows from y 340). */
    static int settingsRowY(int row) {
        return 340 + row * 180 + 90;
    }
}
