package dev.tandem.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.tandem.device.DeviceProfile;
import dev.tandem.e2e.screen.PhoneCustomer;
import dev.tandem.server.testing.Api;
import dev.tandem.server.testing.RunningServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Takes the screenshots of docs/screens: the main screens of the console at 1440×900 and 1280×720,
 * and the customer's pages on a 390×844 phone, against a real server with virtual phones. Not part of
 * the build (excluded in e2e/pom.xml); regenerate them with
 * {@code ./mvnw -B -pl e2e -am verify -Dtest=ScreensTour -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dtandem.screens=DIR} writes them elsewhere).
 */
class ScreensTour {
    private static final int[][] SIZES = {{1440, 900}, {1280, 720}};
    static RunningServer server;
    static Chromium chromium;
    static Api lucia;
    static Path out;

    @BeforeAll
    static void start() throws Exception {
        out = Paths.get(System.getProperty("tandem.screens", "../docs/screens")).toAbsolutePath().normalize();
        Files.createDirectories(out);
        server = RunningServer.start();
        server.admin().post("/api/v1/users", "{\"username\":\"lucia\",\"password\":\"" + RunningServer.password("lucia") + "\","
                + "\"displayName\":\"Lucía Gómez\",\"role\":\"admin\"}").expect(201);
        lucia = server.api().signIn("lucia", RunningServer.password("lucia"));
        chromium = Chromium.launch();
    }

    @AfterAll
    static void stop() {
        chromium.close();
        server.close();
    }

    private static void shoot(Page page, String name) {
        page.waitForTimeout(600); // toasts and the first picture settle
        page.evaluate("() => document.querySelector('[data-testid=side]')?.scrollTo(0, 0)");
        page.screenshot(new Page.ScreenshotOptions().setPath(out.resolve(name + ".png")));
    }

    @Test
    void theMainScreens() throws Exception {
        lucia.post("/api/v1/portals/default/requests", "{\"name\":\"Marisa\",\"description\":\"My tablet does not charge\"}")
                .expect(201);
        try (PhoneCustomer ana = PhoneCustomer.join(server.baseUrl(), lucia.createCode("Ticket 4711"), DeviceProfile.SAMSUNG,
                "en", "Ana Pérez");
             PhoneCustomer luis = PhoneCustomer.join(server.baseUrl(), lucia.createCode("Ticket 4712"), DeviceProfile.GENERIC,
                     "es", "Luis")) {
            lucia.createCode("Jorge (printer)");
            String session = ana.session();
            ana.phone.say("Hi, my email app keeps crashing when I open an attachment.");
            lucia.post("/api/v1/sessions/" + session + "/messages",
                    "{\"text\":\"Hello Ana, let me have a look at your screen.\"}").expect(201);
            luis.phone.say("Hola, ¿me oye?");
            for (int[] size : SIZES) {
                String suffix = "-" + size[0] + "x" + size[1];
                try (BrowserContext context = chromium.context("en-US", size[0], size[1])) {
                    Page page = ConsoleSessionTest.signInAs(server, context, "lucia", RunningServer.password("lucia"));
                    page.locator("[data-testid=notifications-later]").click();
                    page.locator("[data-testid=session-row][data-session=" + session + "]").click();
                    Locator chat = page.locator("[data-testid=chat-window][data-session=" + session + "]");
                    assertThat(chat.locator("[data-testid=message][data-sender=customer]")).isVisible();
                    shoot(page, "console" + suffix);

                    chat.locator("[data-testid=view-screen]").click();
                    Locator viewer = page.locator("[data-testid=viewer][data-session=" + session + "]");
                    assertThat(viewer.locator("canvas").first()).isVisible();
                    if (size[0] == 1440) {
                        viewer.locator("[data-testid=toggle-control]").click();
                        ana.phone.answer(ana.nextPrompt("control").id(), true);
                        chat.locator("[data-testid=diagnostics]").click();
                        ana.phone.answer(ana.nextPrompt("diagnostics").id(), true);
                    } else {
                        chat.locator("[data-testid=diagnostics]").click();
                    }
                    assertThat(page.locator("[data-testid=diagnostics-status]")).hasAttribute("data-status", "ready");
                    shoot(page, "workspace" + suffix);

                    page.keyboard().press("Alt+Shift+B");
                    page.locator("[data-testid=close-diagnostics]").click();
                    shoot(page, "side-folded" + suffix);
                    page.keyboard().press("Alt+Shift+B");

                    page.locator("body").press("?");
                    assertThat(page.locator("[data-testid=shortcuts]")).isVisible();
                    shoot(page, "shortcuts" + suffix);
                    page.keyboard().press("Escape");

                    Page popup = page.waitForPopup(() -> page.locator("[data-testid=pop-out]").click());
                    assertThat(popup.locator("canvas").first()).isVisible();
                    shoot(popup, "viewer-window" + suffix);
                    popup.locator("[data-testid=pop-in]").click();

                    page.navigate(server.baseUrl() + "/#/admin/history");
                    assertThat(page.locator("[data-testid=history-row]").first()).isVisible();
                    shoot(page, "history" + suffix);
                }
                try (BrowserContext context = chromium.context("es-ES", size[0], size[1])) {
                    Page page = ConsoleSessionTest.signInAs(server, context, "lucia", RunningServer.password("lucia"));
                    page.locator("[data-testid=notifications-later]").click();
                    page.locator("[data-testid=session-row][data-session=" + luis.session() + "]").click();
                    assertThat(page.locator("[data-testid=chat-window][data-session=" + luis.session() + "]")).isVisible();
                    shoot(page, "console-es" + suffix);
                }
            }
            try (BrowserContext phone = chromium.context("es-ES", 390, 844)) {
                Page page = phone.newPage();
                page.navigate(server.baseUrl() + "/portal/default");
                assertThat(page.locator("[data-testid=portal-title]")).isVisible();
                shoot(page, "portal-phone-390x844");
                page.navigate(server.baseUrl() + "/join/" + lucia.createCode("Browser chat"));
                page.locator("[data-testid=chat-in-browser] input[name=customerName]").fill("Rosa");
                page.locator("[data-testid=join-browser]").click();
                assertThat(page.locator("[data-testid=message][data-sender=system]").first()).isVisible();
                shoot(page, "browser-chat-phone-390x844");
            }
        }
    }
}
