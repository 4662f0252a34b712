package dev.tandem.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.tandem.server.testing.RunningServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A customer asks for a chat on a portal's page (one Chromium context) and a technician takes it
 * from the console (a second context): the badge shows, Take opens the Chat window, both sides chat.
 */
class PortalRequestBrowserTest {
    static RunningServer server;
    static Chromium chromium;

    @BeforeAll
    static void start() {
        server = RunningServer.start();
        server.technician("marta");
        server.admin().post("/api/v1/portals", "{\"slug\":\"printers\",\"name\":\"Impresoras\",\"language\":\"es\","
                + "\"welcomeText\":\"Bienvenido <img src=x onerror=alert(1)>\",\"brandColor\":\"#aa3300\"}").expect(201);
        chromium = Chromium.launch();
    }

    @AfterAll
    static void stop() {
        chromium.close();
        server.close();
    }

    @Test
    void aPortalRequestIsTakenInTheConsoleAndBothSidesChat() {
        try (BrowserContext customerSide = chromium.context("es-ES");
             BrowserContext technicianSide = chromium.context("en-US")) {
            Page portal = customerSide.newPage();
            portal.navigate(server.baseUrl() + "/portal/printers");
            assertThat(portal.locator("[data-testid=portal-title]")).containsText("Impresoras");
            assertThat(portal.locator("[data-testid=portal-welcome]")).hasText("Bienvenido <img src=x onerror=alert(1)>");
            assertThat(portal.locator("img[src=x]")).hasCount(0);

            Page console = ConsoleSessionTest.signInAs(server, technicianSide, "marta", RunningServer.password("marta"));
            assertThat(console.locator("[data-testid=requests-count]")).hasText("0");

            portal.locator("input[name=customerName]").fill("Lucía <img src=x onerror=alert(1)>");
            portal.locator("textarea[name=description]").fill("La impresora no imprime");
            portal.locator("[data-testid=request-submit]").click();
            assertThat(portal.locator("[data-testid=request-position]")).hasText("1");

            assertThat(console.locator("[data-testid=requests-count]")).hasText("1");
            Locator row = console.locator("[data-testid=request-row]").filter(
                    new Locator.FilterOptions().setHasText("Lucía <img src=x onerror=alert(1)>"));
            assertThat(row).isVisible();
            assertThat(row.locator("[data-testid=request-description]")).hasText("La impresora no imprime");
            assertThat(console.locator("img[src=x]")).hasCount(0);

            row.locator("[data-testid=request-take]").click();
            assertThat(console.locator("[data-testid=requests-count]")).hasText("0");
            Locator chat = console.locator("[data-testid=chat-window]").filter(
                    new Locator.FilterOptions().setHasText("Lucía <img src=x onerror=alert(1)>"));
            assertThat(chat).isVisible();
            assertThat(chat).containsText("La impresora no imprime");

            assertThat(portal.locator("[data-testid=customer-chat]")).isVisible();
            assertThat(portal.locator("[data-testid=customer-chat]")).hasAttribute("data-status", "connected",
                    new com.microsoft.playwright.assertions.LocatorAssertions.HasAttributeOptions()
                            .setTimeout(Duration.ofSeconds(10).toMillis()));

            chat.locator("[data-testid=chat-input]").fill("Hola Lucía, ¿qué modelo es?");
            chat.locator("[data-testid=chat-send]").click();
            assertThat(portal.locator("[data-testid=message][data-sender=technician]")).containsText("¿qué modelo es?");

            portal.locator("[data-testid=customer-input]").fill("Una HP <b>LaserJet</b>");
            portal.locator("[data-testid=customer-send]").click();
            assertThat(chat.locator("[data-testid=message][data-sender=customer]")).containsText("Una HP <b>LaserJet</b>");
            assertThat(portal.locator("img[src=x]")).hasCount(0);
            assertThat(console.locator("img[src=x]")).hasCount(0);
        }
    }

    @Test
    void theCustomerSeesTheLineMoveAndMayCancel() {
        try (BrowserContext first = chromium.context("en-US"); BrowserContext second = chromium.context("en-US")) {
            Page ahead = first.newPage();
            ahead.navigate(server.baseUrl() + "/portal/printers");
            ahead.locator("input[name=customerName]").fill("Ahead");
            ahead.locator("textarea[name=description]").fill("First in line");
            ahead.locator("[data-testid=request-submit]").click();
            assertThat(ahead.locator("[data-testid=request-position]")).hasText("1");

            Page behind = second.newPage();
            behind.navigate(server.baseUrl() + "/portal/printers");
            behind.locator("input[name=customerName]").fill("Behind");
            behind.locator("textarea[name=description]").fill("Second in line");
            behind.locator("[data-testid=request-submit]").click();
            assertThat(behind.locator("[data-testid=request-position]")).hasText("2");

            ahead.locator("[data-testid=request-cancel]").click();
            assertThat(ahead.locator("[data-testid=request-cancelled]")).isVisible();
            assertThat(behind.locator("[data-testid=request-position]")).hasText("1");

            behind.reload();
            assertThat(behind.locator("[data-testid=request-position]")).hasText("1");
            behind.locator("[data-testid=request-cancel]").click();
            assertThat(behind.locator("[data-testid=request-cancelled]")).isVisible();
        }
    }
}
