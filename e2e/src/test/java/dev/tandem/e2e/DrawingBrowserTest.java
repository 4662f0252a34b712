package dev.tandem.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.tandem.server.testing.Api;
import dev.tandem.server.testing.RunningServer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 18.7 end to end: a real server, {@code tandem device} as a child process sharing its screen,
 * and the technician's Viewer in Chromium. A pen stroke drawn in the Viewer shows on the virtual
 * phone's screen (its framebuffer, which comes back over RFB into the Viewer's canvas: the pixels
 * there turn red) and fades (the same pixels are back to what they were); the laser pointer shows and
 * fades; the customer's /hide-drawings turns the tools off and the Viewer says so.
 */
class DrawingBrowserTest {
    /** The stroke goes across the phone's 1080x2400 screen here; the pixel checked is its middle. */
    private static final int LINE_Y = 1700;
    private static final int MIDDLE_X = 540;

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
    void aStrokeDrawnInTheViewerShowsOnThePhonesScreenAndFades() throws Exception {
        String code = lucia.createCode("Drawing");
        try (BrowserContext context = chromium.context("en-US");
             DeviceProcess phone = DeviceProcess.start("--server", server.baseUrl(), "--code", code, "--name", "Ana",
                     "--consent", "yes", "--language", "en")) {
            String session = phone.next("joined").get("session").asText();
            Page page = ConsoleSessionTest.signInAs(server, context, "lucia", RunningServer.password("lucia"));
            page.locator("[data-testid=session-row][data-session=" + session + "]").click();
            page.locator("[data-testid=chat-window][data-session=" + session + "] [data-testid=view-screen]").click();
            Locator viewer = page.locator("[data-testid=viewer][data-session=" + session + "]");
            assertThat(viewer.locator("[data-testid=screen-status]")).hasAttribute("data-status", "sharing");
            Locator canvas = viewer.locator("canvas").first();
            // Sharp: frames at the phone's own size, so a thin line is not lost to the encoding's scaling.
            viewer.locator("[data-testid=viewer-quality]").selectOption("sharp");
            awaitTrue(() -> ViewerBrowserTest.framebuffer(canvas)[0] == 1080
                    && ViewerBrowserTest.framebuffer(canvas)[1] == 2400, "full-size frames");
            // The pointer first: its first drawing also puts a line in the customer's chat, which the
            // phone shows; the stroke below then starts from a settled picture.
            viewer.locator("[data-testid=draw-pointer]").click();
            settled(canvas);
            double[] at = ViewerBrowserTest.onCanvas(canvas, 400, 900);
            page.mouse().move(at[0], at[1]);
            page.mouse().move(at[0] + 5, at[1] + 5);
            JsonNode pointer = phone.next("pointer");
            assertThat(pointer.get("state").asText()).isEqualTo("shown");
            assertThat(pointer.get("x").asInt()).as("where the mouse is (5 page pixels are ~15 phone pixels)").isBetween(380, 480);
            assertThat(phone.next("pointer").get("state").asText()).isEqualTo("hidden");
            page.waitForTimeout(1000);

            Locator pen = viewer.locator("[data-testid=draw-pen]");
            assertThat(pen).isEnabled();
            assertThat(pen).hasAttribute("aria-pressed", "false");
            int[] before = pixel(canvas, MIDDLE_X, LINE_Y);
            assertThat(isRed(before)).as("the phone's own screen there").isFalse();

            pen.click();
            assertThat(pen).hasAttribute("aria-pressed", "true");
            settled(canvas);
            drag(page, canvas, 150, LINE_Y, 930, LINE_Y);
            JsonNode shown = phone.next("drawing");
            assertThat(shown.get("state").asText()).isEqualTo("shown");
            assertThat(shown.get("points").asInt()).isGreaterThanOrEqualTo(2);
            awaitTrue(() -> isRed(pixel(canvas, MIDDLE_X, LINE_Y)), "the stroke in the phone's picture");
            // A pen's drag drew; it did not swipe or tap the phone (and control was never asked).
            assertThat(phone.printed()).noneMatch(e -> "prompt".equals(e.path("event").asText()));

            assertThat(phone.next(e -> "drawing".equals(e.path("event").asText()), "the stroke faded").get("state")
                    .asText()).isEqualTo("hidden");
            awaitTrue(() -> close(pixel(canvas, MIDDLE_X, LINE_Y), before), () -> "the picture as it was before the"
                    + " stroke: " + Arrays.toString(before) + ", now " + Arrays.toString(pixel(canvas, MIDDLE_X, LINE_Y)));

            List<String> lines = lucia.get("/api/v1/sessions/" + session + "/messages").json().findValuesAsText("text");
            assertThat(lines).filteredOn(l -> l.contains("pointing and drawing")).hasSize(1);

            phone.type("/hide-drawings");
            phone.next("drawings");
            assertThat(viewer.locator("[data-testid=drawings-hidden]")).hasText("The customer hid drawings.");
            assertThat(viewer.locator("[data-testid=draw-pen]")).isDisabled();
            assertThat(viewer.locator("[data-testid=draw-pointer]")).hasAttribute("aria-pressed", "false");
            phone.type("/show-drawings");
            assertThat(viewer.locator("[data-testid=drawings-hidden]")).hasCount(0);
            assertThat(viewer.locator("[data-testid=draw-pen]")).isEnabled();
        }
    }

    /** Waits until the picture stops moving on the page (the Viewer resizes to a new frame size in steps). */
    private static void settled(Locator canvas) throws InterruptedException {
        String before = "";
        for (int i = 0; i < 50; i++) {
            com.microsoft.playwright.options.BoundingBox box = canvas.boundingBox();
            String now = box.x + "," + box.y + "," + box.width + "," + box.height;
            if (now.equals(before)) {
                return;
            }
            before = now;
            Thread.sleep(200);
        }
        throw new AssertionError("The picture kept moving on the page");
    }

    private static void drag(Page page, Locator canvas, int fromX, int fromY, int toX, int toY) {
        double[] from = ViewerBrowserTest.onCanvas(canvas, fromX, fromY);
        double[] to = ViewerBrowserTest.onCanvas(canvas, toX, toY);
        page.mouse().move(from[0], from[1]);
        page.mouse().down();
        for (int i = 1; i <= 12; i++) {
            page.mouse().move(from[0] + (to[0] - from[0]) * i / 12, from[1] + (to[1] - from[1]) * i / 12);
            page.waitForTimeout(15);
        }
        page.mouse().up();
    }

    /** The canvas pixel (RGBA) where the phone's pixel (x, y) is shown: what arrived over RFB. */
    private static int[] pixel(Locator canvas, int x, int y) {
        int[] frame = ViewerBrowserTest.framebuffer(canvas);
        dev.tandem.agent.screen.ScreenGeometry fit = dev.tandem.agent.screen.ScreenGeometry.fitted(
                dev.tandem.agent.screen.ScreenSize.of(1080, 2400), dev.tandem.agent.screen.ScreenSize.of(frame[0], frame[1]));
        int frameX = (int) (fit.pictureX() + (x + 0.5) * fit.pictureWidth() / 1080);
        int frameY = (int) (fit.pictureY() + (y + 0.5) * fit.pictureHeight() / 2400);
        List<?> rgba = (List<?>) canvas.evaluate(
                "(c, p) => Array.from(c.getContext('2d').getImageData(p[0], p[1], 1, 1).data)", List.of(frameX, frameY));
        return rgba.stream().mapToInt(v -> ((Number) v).intValue()).toArray();
    }

    private static boolean isRed(int[] rgba) {
        return rgba[0] > 180 && rgba[1] < 110 && rgba[2] < 110;
    }

    /** Equal but for the picture's lossy encoding. */
    private static boolean close(int[] a, int[] b) {
        return Math.abs(a[0] - b[0]) <= 24 && Math.abs(a[1] - b[1]) <= 24 && Math.abs(a[2] - b[2]) <= 24;
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        awaitTrue(condition, () -> what);
    }

    private static void awaitTrue(BooleanSupplier condition, Supplier<String> what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not reached within 10 s: " + what.get());
            }
            Thread.sleep(50);
        }
    }
}
