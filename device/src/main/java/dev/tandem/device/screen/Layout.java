package dev.tandem.device.screen;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where everything is on the 1080x2400 portrait screen. Both the renderer and the hit-testing in
 * {@link PhoneUi} read these, so a tap lands on what is drawn there.
 */
final class Layout {
    static final int WIDTH = 1080;
    static final int HEIGHT = 2400;

    static final int STATUS_BAR_HEIGHT = 80;
    static final int NAV_BAR_HEIGHT = 130;
    static final int NAV_BAR_TOP = HEIGHT - NAV_BAR_HEIGHT;
    /** Shorter finger movements are taps, not swipes. */
    static final int SWIPE_THRESHOLD = 40;

    // Home screen: a date line at the top; a 4-column grid of icons over a search bar at the bottom.
    static final int GRID_COLUMNS = 4;
    static final int GRID_TOP = 1060;
    static final int CELL_WIDTH = WIDTH / GRID_COLUMNS;
    static final int CELL_HEIGHT = 320;
    static final int ICON_SIZE = 168;
    static final Bounds SEARCH_BAR = new Bounds(60, 2080, WIDTH - 120, 140);

    // App screens share a title bar.
    static final int TITLE_BAR_BOTTOM = 340;
    static final Bounds TITLE_BACK_ARROW = new Bounds(20, 110, 140, 140);
    static final int LIST_TOP = TITLE_BAR_BOTTOM;
    static final int ROW_HEIGHT = 180;
    static final int SWITCH_WIDTH = 132;
    static final int SWITCH_HEIGHT = 76;
    static final int SETTINGS_ROWS = Setting.values().length + 1; // + "About phone"
    static final int MAX_SETTINGS_SCROLL = Math.max(0, SETTINGS_ROWS * ROW_HEIGHT - (NAV_BAR_TOP - LIST_TOP));

    // Messages: a text field at the bottom, lifted above the keyboard while it shows.
    static final int KEYBOARD_TOP = 1510;
    static final int KEY_ROW_PITCH = 172;
    static final int KEY_HEIGHT = 146;
    static final int FIELD_HEIGHT = 130;
    static final List<Key> KEYS = keys();

    // Notification shade: quick tiles (two per row) mirroring these settings, then notifications.
    static final List<Setting> QUICK_TILES = List.of(Setting.WIFI, Setting.BLUETOOTH, Setting.AIRPLANE_MODE,
            Setting.DO_NOT_DISTURB, Setting.LOCATION, Setting.DARK_THEME);
    static final int SHADE_BOTTOM = 1580;
    static final int TILE_COLUMNS = 2;
    static final int TILE_TOP = 320;
    static final int TILE_HEIGHT = 160;
    static final int TILE_WIDTH = 490;
    static final int TILE_GAP = 20;
    static final int NOTIFICATIONS_TOP = 880;
    static final int NOTIFICATION_HEIGHT = 200;
    static final int MAX_NOTIFICATIONS = 3;

    // Recents: up to four cards in two columns, a "Clear all" button.
    static final int MAX_RECENT_CARDS = 4;
    static final int CARD_WIDTH = 450;
    static final int CARD_HEIGHT = 800;
    static final Bounds CLEAR_ALL = new Bounds(WIDTH / 2 - 160, 1980, 320, 110);

    // Long-press menu on a home icon.
    static final String[] MENU_ITEMS = {"Open", "App info"};
    static final int MENU_WIDTH = 420;
    static final int MENU_ITEM_HEIGHT = 120;

    private Layout() {
    }

    static Bounds homeIcon(PhoneApp app) {
        int index = app.ordinal();
        int column = index % GRID_COLUMNS;
        int row = index / GRID_COLUMNS;
        return new Bounds(column * CELL_WIDTH + (CELL_WIDTH - ICON_SIZE) / 2, GRID_TOP + row * CELL_HEIGHT,
                ICON_SIZE, ICON_SIZE);
    }

    /** The app whose icon or label is under the finger. */
    static Optional<PhoneApp> homeAppAt(int x, int y) {
        for (PhoneApp app : PhoneApp.values()) {
            Bounds icon = homeIcon(app);
            Bounds cell = new Bounds(icon.x() - 30, icon.y() - 10, icon.width() + 60, icon.height() + 90);
            if (cell.contains(x, y)) {
                return Optional.of(app);
            }
        }
        return Optional.empty();
    }

    /** The long-press menu of {@code app}: below its icon, or above it when there is no room below. */
    static Bounds menu(PhoneApp app) {
        Bounds icon = homeIcon(app);
        int height = MENU_ITEMS.length * MENU_ITEM_HEIGHT;
        int x = Math.max(30, Math.min(WIDTH - 30 - MENU_WIDTH, icon.centerX() - MENU_WIDTH / 2));
        int below = icon.bottom() + 90;
        int y = below + height < NAV_BAR_TOP ? below : icon.y() - 20 - height;
        return new Bounds(x, y, MENU_WIDTH, height);
    }

    static Bounds menuItem(PhoneApp app, int item) {
        Bounds menu = menu(app);
        return new Bounds(menu.x(), menu.y() + item * MENU_ITEM_HEIGHT, MENU_WIDTH, MENU_ITEM_HEIGHT);
    }

    /** Row {@code index} of the Settings list (the last one is "About phone"), on screen at {@code scroll}. */
    static Bounds settingsRow(int index, int scroll) {
        return new Bounds(0, LIST_TOP + index * ROW_HEIGHT - scroll, WIDTH, ROW_HEIGHT);
    }

    static Bounds settingsSwitch(int index, int scroll) {
        Bounds row = settingsRow(index, scroll);
        return new Bounds(WIDTH - 60 - SWITCH_WIDTH, row.centerY() - SWITCH_HEIGHT / 2, SWITCH_WIDTH, SWITCH_HEIGHT);
    }

    /** The setting whose row is under the finger, when the finger is on the visible list. */
    static Optional<Setting> settingAt(int x, int y, int scroll) {
        if (y < LIST_TOP || y >= NAV_BAR_TOP) {
            return Optional.empty();
        }
        int index = (y - LIST_TOP + scroll) / ROW_HEIGHT;
        return index < Setting.values().length ? Optional.of(Setting.values()[index]) : Optional.empty();
    }

    static Bounds textField(boolean keyboardShown) {
        int bottom = keyboardShown ? KEYBOARD_TOP - 30 : NAV_BAR_TOP - 40;
        return new Bounds(40, bottom - FIELD_HEIGHT, WIDTH - 220, FIELD_HEIGHT);
    }

    static Bounds sendButton(boolean keyboardShown) {
        Bounds field = textField(keyboardShown);
        return new Bounds(field.right() + 20, field.y(), FIELD_HEIGHT, FIELD_HEIGHT);
    }

    static Optional<Key> keyAt(int x, int y) {
        return KEYS.stream().filter(key -> key.bounds().contains(x, y)).findFirst();
    }

    static Bounds quickTile(int index) {
        int column = index % TILE_COLUMNS;
        int row = index / TILE_COLUMNS;
        return new Bounds(40 + column * (TILE_WIDTH + TILE_GAP), TILE_TOP + row * (TILE_HEIGHT + TILE_GAP),
                TILE_WIDTH, TILE_HEIGHT);
    }

    static Bounds notification(int index) {
        return new Bounds(40, NOTIFICATIONS_TOP + index * (NOTIFICATION_HEIGHT + 20), WIDTH - 80, NOTIFICATION_HEIGHT);
    }

    static Bounds recentCard(int index) {
        int column = index % 2;
        int row = index / 2;
        return new Bounds(60 + column * (CARD_WIDTH + 60), 190 + row * (CARD_HEIGHT + 60), CARD_WIDTH, CARD_HEIGHT);
    }

    /** Back, Home, Recents: the navigation bar in thirds. */
    static Bounds navButton(int index) {
        return new Bounds(index * WIDTH / 3, NAV_BAR_TOP, WIDTH / 3, NAV_BAR_HEIGHT);
    }

    private static List<Key> keys() {
        List<Key> keys = new ArrayList<>();
        int unit = WIDTH / 10;
        String[] letters = {"qwertyuiop", "asdfghjkl", "zxcvbnm"};
        int[] indent = {0, unit / 2, unit * 3 / 2};
        for (int row = 0; row < letters.length; row++) {
            int y = keyRowTop(row);
            for (int i = 0; i < letters[row].length(); i++) {
                keys.add(new Key(Key.Kind.LETTER, letters[row].substring(i, i + 1),
                        new Bounds(indent[row] + i * unit, y, unit, KEY_HEIGHT)));
            }
        }
        int wide = unit * 3 / 2;
        keys.add(new Key(Key.Kind.SHIFT, "\u21E7", new Bounds(0, keyRowTop(2), wide, KEY_HEIGHT)));
        keys.add(new Key(Key.Kind.BACKSPACE, "\u232B", new Bounds(WIDTH - wide, keyRowTop(2), wide, KEY_HEIGHT)));
        int y = keyRowTop(3);
        keys.add(new Key(Key.Kind.PUNCTUATION, ",", new Bounds(0, y, wide, KEY_HEIGHT)));
        keys.add(new Key(Key.Kind.SPACE, "space", new Bounds(wide, y, WIDTH - 3 * wide, KEY_HEIGHT)));
        keys.add(new Key(Key.Kind.PUNCTUATION, ".", new Bounds(WIDTH - 2 * wide, y, wide, KEY_HEIGHT)));
        keys.add(new Key(Key.Kind.ENTER, "\u21B5", new Bounds(WIDTH - wide, y, wide, KEY_HEIGHT)));
        return List.copyOf(keys);
    }

    private static int keyRowTop(int row) {
        return KEYBOARD_TOP + 30 + row * KEY_ROW_PITCH;
    }
}
