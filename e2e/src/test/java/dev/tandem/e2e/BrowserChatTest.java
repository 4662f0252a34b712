package dev.tandem.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.tandem.server.testing.RunningServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A customer without the app joins from the join page and chats in the browser with the technician. */
class BrowserChatTest {
    static RunningServer server;
    static Chromium chromium;

    @BeforeAll
    static void start() {
        server = RunningServer.start();
        server.technician("marta");
        chromium = Chromium.launch();
    }

    @AfterAll
    static void stop() {
        chromium.close();
        server.close();
    }

    @Test
    void theCustomerChatsFromTheJoinPageAndBothSidesSeeEachOther() {
        try (BrowserContext technicianSide = chromium.context("en-US");
             BrowserContext customerSide = chromium.context("es-ES")) {
            Page console = ConsoleSessionTest.signInAs(server, technicianSide, "marta", RunningServer.password("marta"));
            String code = ConsoleSessionTest.createCode(console, "Carmen <script>alert(1)</script>");

            Page join = customerSide.newPage();
            join.navigate(server.baseUrl() + "/join/" + code);
            assertThat(join.locator("a[href='tandem://join/" + code + "']")).isVisible();
            join.locator("[data-testid=join-browser]").first().click();
            join.locator("input[name=customerName]").fill("Carmen <b>Ruiz</b>");
            join.locator("[data-testid=join-browser]").last().click();
            assertThat(join.locator("[data-testid=customer-chat]")).isVisible();

            Locator row = console.locator("[data-testid=session-row]").filter(
                    new Locator.FilterOptions().setHasText("Carmen <b>Ruiz</b>"));
            row.click();
            Locator chat = console.locator("[data-testid=chat-window]").filter(
                    new Locator.FilterOptions().setHasText("Carmen <b>Ruiz</b>"));
            chat.locator("[data-testid=chat-input]").fill("Hola Carmen, ¿en qué le ayudo?");
            chat.locator("[data-testid=chat-send]").click();
            assertThat(join.locator("[data-testid=message][data-sender=technician]")).containsText("¿en qué le ayudo?");

            join.locator("[data-testid=customer-input]").fill("La impresora no imprime <img src=x onerror=alert(1)>");
            join.locator("[data-testid=customer-send]").click();
            assertThat(chat.locator("[data-testid=message][data-sender=customer]"))
                    .containsText("<img src=x onerror=alert(1)>");
            assertThat(console.locator("img[src=x]")).hasCount(0);

            join.locator("[data-testid=leave]").click();
            assertThat(chat.locator("[data-testid=session-ended]")).isVisible();
        }
    }

    @Test
    void aWrongCodeGetsAPageThatSaysSo() {
        try (BrowserContext context = chromium.context("es-ES")) {
            Page page = context.newPage();
            page.navigate(server.baseUrl() + "/join/111222333");
            assertThat(page.locator("h1")).containsText("Código no encontrado");
            assertThat(page.locator("body")).containsText("pida un código nuevo");
        }
    }
}
