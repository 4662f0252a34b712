package dev.tandem.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.tandem.server.testing.RunningServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 18.1 in Chromium: a customer chatting in the browser (Spanish) is invited to the app from the
 * console (English); {@code tandem device} opens the link's session as the app does (the app's own
 * handling of the link is Robolectric's, JoinActivityTest), the page says the chat continues in the app,
 * and the console's chat goes on, one transcript, with the phone's screen now possible.
 */
class ChatToAppBrowserTest {
    static RunningServer server;
    static Chromium chromium;

    @BeforeAll
    static void start() {
        server = RunningServer.start();
        server.technician("pablo");
        chromium = Chromium.launch();
    }

    @AfterAll
    static void stop() {
        chromium.close();
        server.close();
    }

    @Test
    void theBrowserChatMovesToTheAppAndTheConsoleKeepsOneTranscript() throws Exception {
        try (BrowserContext technicianSide = chromium.context("en-US");
             BrowserContext customerSide = chromium.context("es-ES")) {
            Page console = ConsoleSessionTest.signInAs(server, technicianSide, "pablo", RunningServer.password("pablo"));
            String code = ConsoleSessionTest.createCode(console, "Lucía");
            Page join = customerSide.newPage();
            join.navigate(server.baseUrl() + "/join/" + code);
            join.locator("[data-testid=join-browser]").first().click();
            join.locator("input[name=customerName]").fill("Lucía");
            join.locator("[data-testid=join-browser]").last().click();
            assertThat(join.locator("[data-testid=customer-chat]")).isVisible();
            join.locator("[data-testid=customer-input]").fill("No encuentro el ajuste");
            join.locator("[data-testid=customer-send]").click();

            console.locator("[data-testid=session-row]").filter(new Locator.FilterOptions().setHasText("Lucía")).click();
            Locator chat = console.locator("[data-testid=chat-window]").filter(
                    new Locator.FilterOptions().setHasText("Lucía"));
            assertThat(chat.locator("[data-testid=view-screen]")).hasCount(0);
            chat.locator("[data-testid=invite-to-app]").click();
            assertThat(chat.locator("[data-testid=invite-sent]")).isVisible();
            assertThat(chat.locator("[data-testid=message][data-key='event.appInvited']"))
                    .containsText("pablo invited Lucía to continue in the Tandem app.");

            Locator invite = join.locator("[data-testid=app-invite]");
            assertThat(invite).containsText("Continúe este chat en la aplicación Tandem");
            String link = invite.locator("[data-testid=app-invite-link]").getAttribute("href");
            String session = chat.getAttribute("data-session");
            org.assertj.core.api.Assertions.assertThat(link).contains("/join/app/" + session + "/");

            // The customer opens the link on a phone: `tandem device --url` takes it as the app does.
            try (DeviceProcess phone = DeviceProcess.start("--server", server.baseUrl(), "--url", link,
                    "--name", "Lucía", "--language", "es")) {
                org.assertj.core.api.Assertions.assertThat(phone.next("joined").get("session").asText()).isEqualTo(session);
                org.assertj.core.api.Assertions.assertThat(phone.next(e -> "No encuentro el ajuste".equals(
                        e.path("text").asText()), "the browser's message").get("from").asText()).isEqualTo("customer");
                assertThat(join.locator("[data-testid=moved-to-app]")).containsText("El chat continúa en la aplicación Tandem.");
                assertThat(join.locator("[data-testid=close-reason]")).hasCount(0);
                assertThat(chat.locator("[data-testid=message][data-key='event.continuedInApp']"))
                        .containsText("Lucía continued in the app on ");
                assertThat(chat.locator("[data-testid=view-screen]")).isEnabled();
                assertThat(chat.locator("[data-testid=invite-to-app]")).hasCount(0);
                chat.locator("[data-testid=chat-input]").fill("Ahora veo su teléfono");
                chat.locator("[data-testid=chat-send]").click();
                org.assertj.core.api.Assertions.assertThat(phone.next(e -> "Ahora veo su teléfono".equals(
                        e.path("text").asText()), "the technician's message").get("from").asText()).isEqualTo("technician");
            }
        }
    }
}
