package dev.tandem.device.screen;

import dev.tandem.agent.screen.PhoneInput;
import dev.tandem.agent.screen.SoftKey;
import dev.tandem.device.DeviceProfile;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The virtual phone's UI as a small state machine: the home screen, the Settings and Messages apps,
 * the notification shade, recents, the keyboard. Gestures arrive in screen pixels and are hit-tested
 * against {@link Layout}; {@link #state()} hands out immutable snapshots for drawing.
 *
 * <p>Thread-safe: every input and every snapshot runs under one lock; drawing works on snapshots.
 */
public final class PhoneUi implements PhoneInput {
    /** The field holds at most this many characters, like a short message. */
    static final int MAX_TEXT_LENGTH = 500;

    private final Object lock = new Object();
    private volatile Runnable watcher = () -> { };
    private final String deviceName;
    private final List<PhoneApp> backStack = new ArrayList<>();
    private final List<PhoneApp> recentApps = new ArrayList<>();
    private final EnumSet<Setting> switchedOn = EnumSet.noneOf(Setting.class);
    private final List<Notification> notifications = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private boolean recentsShown;
    private boolean shadeOpen;
    private boolean keyboardShown;
    private boolean shifted;
    private int settingsScroll;
    private PhoneApp menuApp;
    private int batteryPercent = 78;

    private PhoneUi(String deviceName) {
        this.deviceName = deviceName;
        for (Setting setting : Setting.values()) {
            if (setting.onByDefault()) {
                switchedOn.add(setting);
            }
        }
        notifications.add(new Notification("Messages", "Anna", "Did the technician call you back?"));
        notifications.add(new Notification("System", "Software update", "Android security update is ready to install"));
    }

    /** A phone of {@code profile} on its home screen, with default settings and two notifications. */
    public static PhoneUi create(DeviceProfile profile) {
        return new PhoneUi(profile.marketingName() + " \u00B7 Android " + profile.deviceInfo().androidVersion);
    }

    /**
     * {@code changed} runs after every change the screen may show (input, settings, notifications),
     * on the thread that made it and outside the UI's lock: the screen draws the change and pushes it
     * at once instead of finding it by polling.
     */
    public void watch(Runnable changed) {
        watcher = Objects.requireNonNull(changed, "changed");
    }

    private void changed() {
        watcher.run();
    }

    /** A snapshot of what the screen shows now. */
    public PhoneState state() {
        synchronized (lock) {
            return new PhoneState(deviceName, backStack, recentsShown, recentApps, switchedOn, settingsScroll,
                    shadeOpen, keyboardShown, shifted, text.toString(), menuApp, batteryPercent, notifications);
        }
    }

    /** The battery level the status bar shows. */
    public void setBatteryPercent(int percent) {
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("A battery level is 0 to 100 percent, got " + percent);
        }
        synchronized (lock) {
            batteryPercent = percent;
        }
        changed();
    }

    /** Shows or removes Tandem's "Your screen is being shared" notification. */
    public void setScreenShared(boolean shared) {
        synchronized (lock) {
            notifications.remove(Notification.SCREEN_SHARED);
            if (shared) {
                notifications.add(0, Notification.SCREEN_SHARED);
            }
        }
        changed();
    }

    /** Puts {@code notification} on top of the shade. */
    public void postNotification(Notification notification) {
        Objects.requireNonNull(notification, "notification");
        synchronized (lock) {
            notifications.add(0, notification);
        }
        changed();
    }

    /** Flips {@code setting}, as its switch in Settings or its tile in the shade does. */
    public void toggle(Setting setting) {
        synchronized (lock) {
            if (!switchedOn.remove(setting)) {
                switchedOn.add(setting);
            }
        }
        changed();
    }

    @Override
    public void tap(int x, int y) {
        synchronized (lock) {
            if (menuApp != null) {
                tapMenu(x, y);
            } else if (y >= Layout.NAV_BAR_TOP) {
                pressSoftKey(x < Layout.WIDTH / 3 ? SoftKey.BACK : x < Layout.WIDTH * 2 / 3 ? SoftKey.HOME : SoftKey.RECENTS);
            } else if (shadeOpen) {
                tapShade(x, y);
            } else if (y < Layout.STATUS_BAR_HEIGHT) {
                return;
            } else if (recentsShown) {
                tapRecents(x, y);
            } else if (backStack.isEmpty()) {
                Layout.homeAppAt(x, y).ifPresent(this::open);
            } else {
                tapApp(foreground(), x, y);
            }
        }
        changed();
    }

    @Override
    public void longPress(int x, int y) {
        synchronized (lock) {
            if (menuApp != null) {
                menuApp = null;
            } else if (!shadeOpen && !recentsShown && backStack.isEmpty() && y < Layout.NAV_BAR_TOP) {
                menuApp = Layout.homeAppAt(x, y).orElse(null);
            }
        }
        changed();
    }

    @Override
    public void swipe(int fromX, int fromY, int toX, int toY, long durationMillis) {
        int dx = toX - fromX;
        int dy = toY - fromY;
        if (Math.abs(dx) < Layout.SWIPE_THRESHOLD && Math.abs(dy) < Layout.SWIPE_THRESHOLD) {
            tap(fromX, fromY);
            return;
        }
        synchronized (lock) {
            menuApp = null;
            if (shadeOpen) {
                shadeOpen = dy > -Layout.SWIPE_THRESHOLD;
            } else if (fromY < Layout.STATUS_BAR_HEIGHT && dy >= Layout.SWIPE_THRESHOLD) {
                shadeOpen = true;
            } else if (!recentsShown && foreground() == PhoneApp.SETTINGS && fromY >= Layout.LIST_TOP
                    && fromY < Layout.NAV_BAR_TOP) {
                settingsScroll = Math.max(0, Math.min(Layout.MAX_SETTINGS_SCROLL, settingsScroll - dy));
            }
        }
        changed();
    }

    @Override
    public void softKey(SoftKey key) {
        synchronized (lock) {
            pressSoftKey(Objects.requireNonNull(key, "key"));
        }
        changed();
    }

    @Override
    public void type(String typed) {
        synchronized (lock) {
            if (!keyboardShown) {
                return;
            }
            typed.codePoints().forEach(this::typeCodePoint);
        }
        changed();
    }

    private void typeCodePoint(int codePoint) {
        if (!keyboardShown) {
            return; // an earlier Enter ended editing
        }
        if (codePoint == '\b') {
            if (text.length() > 0) {
                int cut = text.offsetByCodePoints(text.length(), -1);
                text.setLength(cut);
            }
        } else if (codePoint == '\n' || codePoint == '\r') {
            keyboardShown = false;
        } else if (!Character.isISOControl(codePoint) && text.length() < MAX_TEXT_LENGTH) {
            text.appendCodePoint(codePoint);
        }
    }

    private void pressSoftKey(SoftKey key) {
        menuApp = null;
        switch (key) {
            case HOME:
                shadeOpen = false;
                recentsShown = false;
                keyboardShown = false;
                backStack.clear();
                break;
            case RECENTS:
                shadeOpen = false;
                keyboardShown = false;
                recentsShown = !recentsShown;
                break;
            case BACK:
                back();
                break;
            default:
                throw new IllegalArgumentException("unknown soft key " + key);
        }
    }

    /** Back undoes the topmost thing: shade, keyboard, recents, then the foreground app. */
    private void back() {
        if (shadeOpen) {
            shadeOpen = false;
        } else if (keyboardShown) {
            keyboardShown = false;
        } else if (recentsShown) {
            recentsShown = false;
        } else if (!backStack.isEmpty()) {
            backStack.remove(backStack.size() - 1);
        }
    }

    private void open(PhoneApp app) {
        recentsShown = false;
        keyboardShown = false;
        backStack.remove(app);
        backStack.add(app);
        recentApps.remove(app);
        recentApps.add(0, app);
    }

    private PhoneApp foreground() {
        return backStack.isEmpty() ? null : backStack.get(backStack.size() - 1);
    }

    private void tapMenu(int x, int y) {
        PhoneApp app = menuApp;
        menuApp = null;
        if (Layout.menuItem(app, 0).contains(x, y)) {
            open(app);
        } else if (Layout.menuItem(app, 1).contains(x, y)) {
            settingsScroll = 0;
            open(PhoneApp.SETTINGS);
        }
    }

    private void tapShade(int x, int y) {
        if (y >= Layout.SHADE_BOTTOM) {
            shadeOpen = false;
            return;
        }
        List<Setting> tiles = Layout.QUICK_TILES;
        for (int i = 0; i < tiles.size(); i++) {
            if (Layout.quickTile(i).contains(x, y)) {
                toggle(tiles.get(i));
            }
        }
    }

    private void tapRecents(int x, int y) {
        if (Layout.CLEAR_ALL.contains(x, y) && !recentApps.isEmpty()) {
            recentApps.clear();
            backStack.clear();
            recentsShown = false;
            return;
        }
        int cards = Math.min(Layout.MAX_RECENT_CARDS, recentApps.size());
        for (int i = 0; i < cards; i++) {
            if (Layout.recentCard(i).contains(x, y)) {
                PhoneApp app = recentApps.get(i);
                backStack.clear();
                open(app);
                return;
            }
        }
    }

    private void tapApp(PhoneApp app, int x, int y) {
        if (app != PhoneApp.SETTINGS && Layout.TITLE_BACK_ARROW.contains(x, y)) {
            back();
        } else if (app == PhoneApp.SETTINGS) {
            Layout.settingAt(x, y, settingsScroll).ifPresent(this::toggle);
        } else if (app == PhoneApp.MESSAGES) {
            tapMessages(x, y);
        }
    }

    private void tapMessages(int x, int y) {
        Optional<Key> key = keyboardShown ? Layout.keyAt(x, y) : Optional.empty();
        if (key.isPresent()) {
            pressKey(key.get());
        } else if (Layout.textField(keyboardShown).contains(x, y)) {
            keyboardShown = true;
        }
    }

    private void pressKey(Key key) {
        if (key.kind() == Key.Kind.SHIFT) {
            shifted = !shifted;
            return;
        }
        key.typed(shifted).codePoints().forEach(this::typeCodePoint);
        if (key.kind() == Key.Kind.LETTER) {
            shifted = false;
        }
    }
}
