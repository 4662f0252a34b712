package dev.tandem.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.tandem.agent.AgentSession;
import dev.tandem.agent.ResumeTicket;
import dev.tandem.agent.ServerAddress;
import dev.tandem.agent.SessionRequest;
import dev.tandem.protocol.message.Capabilities;
import dev.tandem.protocol.message.Capability;
import dev.tandem.protocol.message.DeviceInfo;
import dev.tandem.server.testing.AgentPhone;
import dev.tandem.server.testing.RunningServer;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 18.1 in Chromium: a customer chatting in the browser (Spanish) is invited to the app from the
 * console (English); the real agent opens the link's session as the app does, the page says the chat
 * continues in the app, and the console's chat goes on with the phone's screen now possible.
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

            AgentPhone phone = new AgentPhone();
            SessionRequest asTheApp = SessionRequest.resume(ServerAddress.parse(server.baseUrl()),
                    new ResumeTicket(session, link.substring(link.lastIndexOf('/') + 1)), 0, "Lucía",
                    new DeviceInfo("Google", "Pixel 8", "14", 34, "android"), new Capabilities(Capability.available(),
                            Capability.available(), Capability.available(), Capability.available()));
            try (AgentSession app = AgentSession.create(asTheApp, phone)) {
                app.start();
                org.assertj.core.api.Assertions.assertThat(phone.joined.get(10, TimeUnit.SECONDS)).isEqualTo(session);
                assertThat(join.locator("[data-testid=moved-to-app]")).containsText("El chat continúa en la aplicación Tandem.");
                assertThat(join.locator("[data-testid=close-reason]")).hasCount(0);
                assertThat(chat.locator("[data-testid=message][data-key='event.continuedInApp']"))
                        .containsText("Lucía continued in the app on Google Pixel 8.");
                assertThat(chat.locator("[data-testid=view-screen]")).isEnabled();
                assertThat(chat.locator("[data-testid=invite-to-app]")).hasCount(0);
                AgentPhone.await(() -> phone.saw("No encuentro el ajuste"), 10);
            }
        }
    }
}
