package dev.tandem.device.screen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.agent.screen.ScreenSize;
import dev.tandem.agent.rfb.encoding.Frame;
import dev.tandem.agent.rfb.encoding.Rect;
import dev.tandem.agent.screen.SoftKey;
import dev.tandem.device.DeviceProfile;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RenderedScreenTest {
    private final ScreenPictures.HandClock clock = new ScreenPictures.HandClock(Instant.parse("2025-03-04T09:41:10Z"));
    private final PhoneUi ui = PhoneUi.create(DeviceProfile.SAMSUNG);
    private final RenderedScreen screen = RenderedScreen.create(ui, clock);

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    @Test
    void theScreenIsAPortraitPhone() {
        assertThat(screen.geometry().frame()).isEqualTo(ScreenSize.of(1080, 2400));
        Frame frame = screen.capture();
        assertThat(frame.width()).isEqualTo(1080);
        assertThat(frame.height()).isEqualTo(2400);
    }

    @Test
    void askedForASmallerSizeItDrawsThePhoneScaledAndCentredOnBlackThenReturnsToItsOwnSize() {
        Frame full = screen.capture();
        assertThat(screen.resize(ScreenSize.of(450, 800))).isTrue();
        assertThat(screen.geometry().frame()).as("the geometry switches with the first frame").isEqualTo(ScreenSize.of(1080, 2400));

        Frame small = screen.capture();
        assertThat(small.width()).isEqualTo(450);
        assertThat(small.height()).isEqualTo(800);
        assertThat(screen.geometry().pictureWidth()).isEqualTo(360);
        assertThat(screen.geometry().pictureX()).isEqualTo(45);
        assertThat(small.pixel(10, 400) & 0xFFFFFF).as("left bar").isZero();
        assertThat(small.pixel(440, 400) & 0xFFFFFF).as("right bar").isZero();
        // The wallpaper's colour a third of the way down, drawn at a third of the size.
        assertThat(colourDistance(small.pixel(45 + 180, 266), full.pixel(540, 800))).isLessThan(24);
        assertThat(screen.capture()).isSameAs(small);

        screen.resizeToPhone();
        assertThat(screen.capture().width()).isEqualTo(1080);
        assertThat(screen.geometry().isNatural()).isTrue();
    }

    @Test
    void aResizeWakesTheWatcher() {
        int[] calls = new int[1];
        screen.watch(() -> calls[0]++);
        screen.resize(ScreenSize.of(540, 1200));
        screen.resizeToPhone();
        assertThat(calls[0]).isEqualTo(2);
    }

    @Test
    void inputAndNotificationsWakeTheWatcherSoTheChangeIsSentWithoutPolling() {
        int[] calls = new int[1];
        screen.watch(() -> calls[0]++);
        ui.softKey(SoftKey.RECENTS);
        ui.toggle(Setting.WIFI);
        ui.postNotification(new Notification("Messages", "Anna", "Hi"));
        assertThat(calls[0]).isEqualTo(3);
    }

    private static int colourDistance(int a, int b) {
        int d = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
            d = Math.max(d, Math.abs(((a >> shift) & 0xFF) - ((b >> shift) & 0xFF)));
        }
        return d;
    }

    @Test
    void captureReturnsTheSameFrameUntilSomethingChanges() {
        Frame first = screen.capture();
        ui.tap(540, 700); // empty wallpaper: nothing changes
        clock.advanceSeconds(30); // 09:41:40, same minute
        assertThat(screen.capture()).isSameAs(first);

        ui.softKey(SoftKey.RECENTS);
        Frame afterInput = screen.capture();
        assertThat(afterInput).isNotSameAs(first);
        assertThat(screen.capture()).isSameAs(afterInput);

        clock.advanceSeconds(30); // 09:42
        Frame nextMinute = screen.capture();
        assertThat(nextMinute).isNotSameAs(afterInput);
        assertThat(pixels(nextMinute, statusBarClock())).isNotEqualTo(pixels(afterInput, statusBarClock()));
    }

    @Test
    void openingSettingsRedrawsTheListArea() {
        Frame home = screen.capture();
        tap(Layout.homeIcon(PhoneApp.SETTINGS));
        Frame settings = screen.capture();

        assertThat(ui.state().showing(PhoneApp.SETTINGS)).isTrue();
        Rect list = Rect.of(0, Layout.LIST_TOP, Layout.WIDTH, Layout.NAV_BAR_TOP - Layout.LIST_TOP);
        assertThat(pixels(settings, list)).isNotEqualTo(pixels(home, list));
        assertThat(settings.pixel(540, 1200)).isEqualTo(Palette.LIGHT.background().getRGB());
    }

    @Test
    void aTappedSwitchChangesColour() {
        tap(Layout.homeIcon(PhoneApp.SETTINGS));
        Bounds wifiSwitch = Layout.settingsSwitch(Setting.WIFI.ordinal(), 0);
        int onTrack = screen.capture().pixel(wifiSwitch.x() + 20, wifiSwitch.centerY());

        tap(wifiSwitch);
        int offTrack = screen.capture().pixel(wifiSwitch.x() + 20, wifiSwitch.centerY());

        assertThat(ui.state().isOn(Setting.WIFI)).isFalse();
        assertThat(onTrack).isEqualTo(Palette.LIGHT.accent().getRGB());
        assertThat(offTrack).isNotEqualTo(onTrack);
    }

    @Test
    void scrollingMovesTheListPixels() {
        tap(Layout.homeIcon(PhoneApp.SETTINGS));
        Frame top = screen.capture();
        ui.swipe(540, 2000, 540, 1200, 300);
        Frame scrolled = screen.capture();
        Rect list = Rect.of(0, Layout.LIST_TOP, Layout.WIDTH, 600);
        assertThat(pixels(scrolled, list)).isNotEqualTo(pixels(top, list));
    }

    @Test
    void darkThemeDarkensTheBackground() {
        tap(Layout.homeIcon(PhoneApp.SETTINGS));
        int light = screen.capture().pixel(540, 1200);
        tap(Layout.settingsRow(Setting.DARK_THEME.ordinal(), 0));
        int dark = screen.capture().pixel(540, 1200);

        assertThat(light).isEqualTo(Palette.LIGHT.background().getRGB());
        assertThat(dark).isEqualTo(Palette.DARK.background().getRGB());
        assertThat(brightness(dark)).isLessThan(brightness(light) / 4);
    }

    @Test
    void theShadeCoversTheTopOfTheScreen() {
        Frame home = screen.capture();
        ui.swipe(540, 10, 540, 1200, 250);
        Frame shade = screen.capture();
        Rect tiles = Rect.of(0, Layout.TILE_TOP, Layout.WIDTH, 500);
        assertThat(pixels(shade, tiles)).isNotEqualTo(pixels(home, tiles));
        ui.softKey(SoftKey.BACK);
        assertThat(pixels(screen.capture(), tiles)).isEqualTo(pixels(home, tiles));
    }

    @Test
    void theKeyboardAppearsWithFocusAndTypedTextIsDrawn() {
        tap(Layout.homeIcon(PhoneApp.MESSAGES));
        Frame unfocused = screen.capture();
        tap(Layout.textField(false));
        Frame focused = screen.capture();
        Rect keyboard = Rect.of(0, Layout.KEYBOARD_TOP, Layout.WIDTH, Layout.NAV_BAR_TOP - Layout.KEYBOARD_TOP);
        assertThat(pixels(focused, keyboard)).isNotEqualTo(pixels(unfocused, keyboard));

        ui.type("h\u00E9llo");
        Bounds field = Layout.textField(true);
        Rect fieldArea = Rect.of(field.x(), field.y(), field.width(), field.height());
        assertThat(pixels(screen.capture(), fieldArea)).isNotEqualTo(pixels(focused, fieldArea));
    }

    @Test
    void savesPicturesOfTheMainScreens() {
        ui.setScreenShared(true);
        ScreenPictures.save(screen.capture(), "home");
        ui.longPress(Layout.homeIcon(PhoneApp.PHOTOS).centerX(), Layout.homeIcon(PhoneApp.PHOTOS).centerY());
        ScreenPictures.save(screen.capture(), "home-menu");
        ui.tap(540, 700);
        ui.swipe(540, 10, 540, 1200, 250);
        ScreenPictures.save(screen.capture(), "shade");
        ui.softKey(SoftKey.BACK);
        tap(Layout.homeIcon(PhoneApp.SETTINGS));
        ScreenPictures.save(screen.capture(), "settings");
        ui.swipe(540, 2200, 540, 200, 300);
        tap(Layout.settingsRow(Setting.DARK_THEME.ordinal(), ui.state().settingsScroll()));
        ScreenPictures.save(screen.capture(), "settings-dark-scrolled");
        tap(Layout.settingsRow(Setting.DARK_THEME.ordinal(), ui.state().settingsScroll()));
        ui.softKey(SoftKey.HOME);
        tap(Layout.homeIcon(PhoneApp.MESSAGES));
        tap(Layout.textField(false));
        ui.type("Hello from the virtual ph\u00F6ne");
        ScreenPictures.save(screen.capture(), "keyboard");
        ui.softKey(SoftKey.RECENTS);
        ScreenPictures.save(screen.capture(), "recents");

        assertThat(ScreenPictures.DIRECTORY.resolve("keyboard.png")).isRegularFile();
    }

    private void tap(Bounds b) {
        ui.tap(b.centerX(), b.centerY());
    }

    private static Rect statusBarClock() {
        return Rect.of(0, 0, 200, Layout.STATUS_BAR_HEIGHT);
    }

    private static int[] pixels(Frame frame, Rect r) {
        return frame.copyPixels(r);
    }

    private static int brightness(int argb) {
        return ((argb >> 16) & 0xFF) + ((argb >> 8) & 0xFF) + (argb & 0xFF);
    }
}
