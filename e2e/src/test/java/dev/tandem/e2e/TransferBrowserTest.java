package dev.tandem.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.tandem.server.testing.Api;
import dev.tandem.server.testing.RunningServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Transfer and collaborate (issue 18.2) in Chromium against a real server and the real
 * {@code ./tandem device}: Rosa sets herself busy, invites Marco (the phone prints
 * {@code technicianJoined}), both consoles show the same chat, and Rosa transfers the session to
 * Marco with a note; the phone prints {@code transferred}, the chat goes on with Marco, who reads
 * the note, and nothing written before is lost.
 */
class TransferBrowserTest {
    private static final String NOTE = "Printer driver reinstalled; the queue is still stuck.";
    static RunningServer server;
    static Chromium chromium;
    static Api rosa;

    @BeforeAll
    static void start() {
        server = RunningServer.start();
        rosa = server.technician("rosa");
        server.technician("marco");
        chromium = Chromium.launch();
    }

    @AfterAll
    static void stop() {
        chromium.close();
        server.close();
    }

    @Test
    void aSecondTechnicianJoinsAndTheSessionIsTransferredWithANote() throws Exception {
        try (BrowserContext rosaContext = chromium.context("en-US"); BrowserContext marcoContext = chromium.context("en-US")) {
            Page rosaPage = ConsoleSessionTest.signInAs(server, rosaContext, "rosa", RunningServer.password("rosa"));
            Page marcoPage = ConsoleSessionTest.signInAs(server, marcoContext, "marco", RunningServer.password("marco"));

            // Availability: set in the top bar, seen by everyone.
            rosaPage.locator("[data-testid=availability]").selectOption("busy");
            Api.Response seen = null;
            for (int i = 0; i < 50; i++) {
                seen = rosa.get("/api/v1/availability");
                if (seen.body().contains("\"username\":\"rosa\"") && statusOf(seen.json(), "rosa").equals("busy")) {
                    break;
                }
                Thread.sleep(100);
            }
            assertThat(statusOf(seen.json(), "rosa")).isEqualTo("busy");

            String code = rosa.createCode("Transfer");
            try (DeviceProcess phone = DeviceProcess.start("--server", server.baseUrl(), "--code", code,
                    "--name", "Ana", "--profile", "generic")) {
                String session = phone.next("joined").get("session").asText();
                Locator rosaChat = ConsoleSessionTest.openChat(rosaPage, session);
                phone.type("The printer says offline");
                assertThat(rosaChat.locator("[data-testid=transcript]")).containsText("The printer says offline");

                // Invite Marco: he sees the chat; the phone prints the event.
                rosaChat.locator("[data-testid=invite-open]").click();
                rosaChat.locator("[data-testid=team-technician]").selectOption("marco");
                rosaChat.locator("[data-testid=invite-submit]").click();
                assertThat(phone.next("technicianJoined").get("technician").asText()).isEqualTo("marco");
                assertThat(rosaChat.locator("[data-testid=team-members]")).containsText("marco");
                Locator marcoChat = ConsoleSessionTest.openChat(marcoPage, session);
                assertThat(marcoChat.locator("[data-testid=transcript]")).containsText("The printer says offline");
                Locator rosaInput = rosaChat.locator("[data-testid=chat-input]");
                rosaInput.fill("Marco is here to help");
                rosaInput.press("Enter");
                assertThat(marcoChat.locator("[data-testid=transcript]")).containsText("Marco is here to help");

                // Transfer to Marco with a note.
                rosaChat.locator("[data-testid=transfer-open]").click();
                rosaChat.locator("[data-testid=team-technician]").selectOption("marco");
                rosaChat.locator("[data-testid=transfer-note]").fill(NOTE);
                rosaChat.locator("[data-testid=transfer-submit]").click();
                assertThat(phone.next("transferred").get("technician").asText()).isEqualTo("marco");
                // Rosa's console lets go of it at once (no reload): no window, no row, a word where it went.
                assertThat(rosaPage.locator("[data-testid=toast]").filter(new Locator.FilterOptions()
                        .setHasText("The session with Ana is now with"))).hasCount(1);
                assertThat(rosaChat).hasCount(0);
                assertThat(rosaPage.locator("[data-testid=session-row][data-session=" + session + "]")).hasCount(0);
                // The transcript's line came just before the notice (printed() keeps every line).
                assertThat(phone.printed()).anySatisfy(e -> assertThat(e.path("text").asText())
                        .isEqualTo("marco continues this chat with you; nothing you wrote is lost."));

                // Marco carries on: control is his, the note is there, the customer's next line arrives.
                assertThat(marcoChat.locator("[data-testid=control-holder]")).containsText("marco");
                marcoChat.locator("[data-testid=notes-toggle]").click();
                assertThat(marcoChat.locator("[data-testid=note]")).containsText(NOTE);
                phone.type("Thanks Marco");
                assertThat(marcoChat.locator("[data-testid=transcript]")).containsText("Thanks Marco");
                Locator marcoInput = marcoChat.locator("[data-testid=chat-input]");
                marcoInput.fill("Let us restart the spooler");
                marcoInput.press("Enter");
                assertThat(phone.next(e -> "Let us restart the spooler".equals(e.path("text").asText()), "Marco's line")
                        .get("name").asText()).isEqualTo("marco");
                assertThat(phone.printed()).noneSatisfy(event -> assertThat(event.toString()).contains("queue is still"));
            }
        }
    }

    private static String statusOf(JsonNode list, String username) {
        for (JsonNode entry : list) {
            if (username.equals(entry.get("username").asText())) {
                return entry.get("status").asText();
            }
        }
        return "";
    }
}
