package dev.tandem.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import dev.tandem.agent.screen.KeyboardKey;
import dev.tandem.agent.screen.ScreenGeometry;
import dev.tandem.agent.screen.ScreenSize;
import dev.tandem.device.DeviceProfile;
import dev.tandem.device.screen.PhoneApp;
import dev.tandem.device.screen.Setting;
import dev.tandem.e2e.screen.PhoneCustomer;
import dev.tandem.server.testing.Api;
import dev.tandem.server.testing.RunningServer;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Viewer window in Chromium (noVNC) against a real server and a virtual phone running the real
 * agent: the phone's screen shows, a tap opens Settings and flips a toggle, a swipe from the top
 * edge opens the shade and the Back button closes it; closing the Viewer ends the session after
 * asking.
 */
class ViewerBrowserTest {
    // Where things are on the virtual phone's 1080x2400 screen (device module, Layout).
    private static final int SETTINGS_ICON_X = 675;
    private static final int SETTINGS_ICON_Y = 1464;
    private static final int WIFI_SWITCH_X = 954;
    private static final int WIFI_SWITCH_Y = 430;

    static RunningServer server;
    static Chromium chromium;
    static Api lucia;

    @BeforeAll
    static void start() {
        server = RunningServer.start();
        lucia = server.technician("lucia");
        chromium = Chromium.launch();
    }

    @AfterAll
    static void stop() {
        chromium.close();
        server.close();
    }

    @Test
    void theViewerShowsThePhoneAndControlsIt() throws Exception {
        try (BrowserContext context = chromium.context("en-US");
             PhoneCustomer customer = PhoneCustomer.join(server.baseUrl(), lucia.createCode("Viewer"),
                     DeviceProfile.SAMSUNG)) {
            String session = customer.session();
            Page page = ConsoleSessionTest.signInAs(server, context, "lucia", RunningServer.password("lucia"));
            Locator viewer = openViewer(page, session);
            Locator chat = page.locator("[data-testid=chat-window][data-session=" + session + "]");
            Locator canvas = viewer.locator("canvas").first();
            assertThat(canvas).isVisible();
            awaitTrue(() -> customer.phone.ui().state().notifications().stream()
                    .anyMatch(n -> n.app().equals("Tandem")), "the phone's sharing notice");

            // View only: a click does nothing on the phone.
            tap(page, canvas, SETTINGS_ICON_X, SETTINGS_ICON_Y);
            page.waitForTimeout(700);
            assertThat(customer.phone.ui().state().onHome()).isTrue();

            viewer.locator("[data-testid=toggle-control]").click();
            customer.phone.answer(customer.nextPrompt("control").id(), true);
            assertThat(viewer).hasAttribute("data-control", "granted");
            // Auto: the phone sends frames of the picture area's size (asked again when the toolbar's new
            // labels change the layout); wait until they have settled.
            awaitTrue(() -> framebuffer(canvas)[1] == Math.round(viewer.locator(".viewer__screen").boundingBox().height),
                    "frames as tall as the picture area");

            tap(page, canvas, SETTINGS_ICON_X, SETTINGS_ICON_Y);
            awaitTrue(() -> customer.phone.ui().state().showing(PhoneApp.SETTINGS), "Settings open");
            boolean wifiBefore = customer.phone.ui().state().isOn(Setting.WIFI);
            tap(page, canvas, WIFI_SWITCH_X, WIFI_SWITCH_Y);
            awaitTrue(() -> customer.phone.ui().state().isOn(Setting.WIFI) != wifiBefore, "the Wi-Fi toggle flipped");

            swipe(page, canvas, 540, 8, 540, 1500);
            awaitTrue(() -> customer.phone.ui().state().shadeOpen(), "the shade open");
            viewer.locator("[data-testid=key-back]").click();
            awaitTrue(() -> !customer.phone.ui().state().shadeOpen(), "the shade closed by Back");

            // Sharp: the phone's own 1080x2400; data saver: small.
            BoundingBox stage = viewer.locator(".viewer__screen").boundingBox();
            viewer.locator("[data-testid=viewer-quality]").selectOption("sharp");
            awaitTrue(() -> framebuffer(canvas)[0] == 1080 && framebuffer(canvas)[1] == 2400, "full-size frames");
            viewer.locator("[data-testid=viewer-quality]").selectOption("saver");
            awaitTrue(() -> framebuffer(canvas)[1] == Math.min(640, Math.round(stage.height)), "data-saver frames");
            boolean wifiNow = customer.phone.ui().state().isOn(Setting.WIFI);
            tap(page, canvas, WIFI_SWITCH_X, WIFI_SWITCH_Y);
            awaitTrue(() -> customer.phone.ui().state().isOn(Setting.WIFI) != wifiNow, "a tap on the small picture flipped Wi-Fi");
            viewer.locator("[data-testid=viewer-quality]").selectOption("auto");

            assertThat(viewer.locator("[data-testid=screen-stats]")).not().hasAttribute("data-fps", "0");

            viewer.locator("[data-testid=close-viewer]").click();
            page.locator("[data-testid=confirm-end]").click();
            assertThat(chat.locator("[data-testid=session-ended]")).isVisible();
        }
    }

    @Test
    void theClipboardButtonSharesTextBothWaysOnceControlIsGranted() throws Exception {
        try (BrowserContext context = chromium.context("es-ES");
             PhoneCustomer customer = PhoneCustomer.join(server.baseUrl(), lucia.createCode("Clipboard"),
                     DeviceProfile.SAMSUNG)) {
            Page page = ConsoleSessionTest.signInAs(server, context, "lucia", RunningServer.password("lucia"));
            Locator viewer = openViewer(page, customer.session());
            assertThat(viewer.locator("[data-testid=clipboard]")).isDisabled(); // view only

            viewer.locator("[data-testid=toggle-control]").click();
            customer.phone.answer(customer.nextPrompt("control").id(), true);
            assertThat(viewer).hasAttribute("data-control", "granted");
            Locator button = viewer.locator("[data-testid=clipboard]");
            assertThat(button).isEnabled();
            assertThat(button).hasText("Portapapeles");
            button.click();

            // Technician -> phone: the text lands on the phone's clipboard.
            viewer.locator("[data-testid=clipboard-text]").fill("Contraseña Wi-Fi: año2025");
            viewer.locator("[data-testid=clipboard-send]").click();
            awaitTrue(() -> "Contraseña Wi-Fi: año2025".equals(customer.phone.ui().clipboard().text()),
                    "the text on the phone's clipboard");

            // Phone -> technician: what the phone copies shows in the panel.
            assertThat(viewer.locator("[data-testid=clipboard-from-phone-empty]")).isVisible();
            Point messages = new Point(405, 1144);
            tap(page, viewer.locator("canvas").first(), messages.x(), messages.y());
            awaitTrue(() -> customer.phone.ui().state().showing(PhoneApp.MESSAGES), "Messages open");
            customer.phone.ui().key(KeyboardKey.TAB);
            customer.phone.ui().type("Pedido 4711");
            customer.phone.ui().key(KeyboardKey.SELECT_ALL);
            customer.phone.ui().key(KeyboardKey.COPY);
            assertThat(viewer.locator("[data-testid=clipboard-from-phone]")).hasText("Pedido 4711");
        }
    }

    /** Opens the session's chat, then its Viewer, and waits until the screen is shared. */
    static Locator openViewer(Page page, String session) {
        page.locator("[data-testid=session-row][data-session=" + session + "]").click();
        page.locator("[data-testid=chat-window][data-session=" + session + "] [data-testid=view-screen]").click();
        Locator viewer = page.locator("[data-testid=viewer][data-session=" + session + "]");
        assertThat(viewer.locator("[data-testid=screen-status]")).hasAttribute("data-status", "sharing");
        return viewer;
    }

    /** A point on the phone's screen. */
    private record Point(int x, int y) {
    }

    /** Clicks the canvas where phone pixel (x, y) is shown. */
    static void tap(Page page, Locator canvas, int x, int y) {
        double[] at = onCanvas(canvas, x, y);
        page.mouse().click(at[0], at[1]);
    }

    private static void swipe(Page page, Locator canvas, int fromX, int fromY, int toX, int toY) {
        double[] from = onCanvas(canvas, fromX, fromY);
        double[] to = onCanvas(canvas, toX, toY);
        page.mouse().move(from[0], from[1]);
        page.mouse().down();
        for (int i = 1; i <= 10; i++) {
            page.mouse().move(from[0] + (to[0] - from[0]) * i / 10, from[1] + (to[1] - from[1]) * i / 10);
            page.waitForTimeout(20);
        }
        page.mouse().up();
    }

    /**
     * Where phone pixel (x, y) is on the page: the canvas shows the frame scaled to its box, and the
     * frame shows the phone fitted inside it (ScreenGeometry, as the phone drew it).
     */
    static double[] onCanvas(Locator canvas, int x, int y) {
        BoundingBox box = canvas.boundingBox();
        int[] frame = framebuffer(canvas);
        ScreenGeometry fit = ScreenGeometry.fitted(ScreenSize.of(1080, 2400), ScreenSize.of(frame[0], frame[1]));
        double frameX = fit.pictureX() + (x + 0.5) * fit.pictureWidth() / 1080;
        double frameY = fit.pictureY() + (y + 0.5) * fit.pictureHeight() / 2400;
        return new double[] {box.x + frameX * box.width / frame[0], box.y + frameY * box.height / frame[1]};
    }

    /** The size of noVNC's framebuffer: the canvas's own pixels. */
    static int[] framebuffer(Locator canvas) {
        Object size = canvas.evaluate("c => [c.width, c.height]");
        java.util.List<?> both = (java.util.List<?>) size;
        return new int[] {((Number) both.get(0)).intValue(), ((Number) both.get(1)).intValue()};
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not reached within 10 s: " + what);
            }
            Thread.sleep(50);
        }
    }
}
