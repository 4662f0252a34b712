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
 * Canned replies and private notes (issue 18) in Chromium against a real server and the real
 * {@code ./tandem device}: the technician keeps a personal reply in My account, inserts it and a
 * portal's shared reply with {@code /} and a few letters (inserted, not sent), edits and sends; writes a
 * private note that the phone never prints and the Management Center's history keeps (read in Spanish).
 */
class RepliesAndNotesBrowserTest {
    private static final String GREETING = "Hola, soy Lucía. ¿En qué le puedo ayudar?";
    private static final String RESTART = "Please restart the phone and tell me when it is back.";
    private static final String NOTE = "Customer is on a prepaid plan; do not suggest the data add-on.";
    static RunningServer server;
    static Chromium chromium;
    static Api lucia;

    @BeforeAll
    static void start() {
        server = RunningServer.start();
        lucia = server.technician("lucia");
        server.admin().post("/api/v1/portals/default/replies",
                "{\"shortcut\":\"restart\",\"text\":" + Api.quote(RESTART) + "}").expect(201);
        chromium = Chromium.launch();
    }

    @AfterAll
    static void stop() {
        chromium.close();
        server.close();
    }

    @Test
    void aCannedReplyIsInsertedWithItsShortcutAndANoteNeverReachesThePhone() throws Exception {
        try (BrowserContext context = chromium.context("en-US")) {
            Page page = ConsoleSessionTest.signInAs(server, context, "lucia", RunningServer.password("lucia"));

            // My account: a personal reply.
            page.locator("[data-testid=user]").click();
            Locator mine = page.locator("[data-testid=my-replies]");
            mine.locator("input[name=reply-shortcut]").fill("greet");
            mine.locator("textarea[name=reply-text]").fill(GREETING);
            mine.locator("[data-testid=reply-save]").click();
            assertThat(mine.locator("[data-testid=reply-row][data-shortcut=greet]")).containsText(GREETING);
            page.navigate(server.baseUrl() + "/#/");

            String code = lucia.createCode("Replies");
            try (DeviceProcess phone = DeviceProcess.start("--server", server.baseUrl(), "--code", code,
                    "--name", "Ana", "--profile", "generic")) {
                String session = phone.next("joined").get("session").asText();
                Locator chat = ConsoleSessionTest.openChat(page, session);
                Locator input = chat.locator("[data-testid=chat-input]");

                // "/gr" opens the list with the personal reply; Enter puts it in the box and sends nothing.
                input.click();
                input.pressSequentially("/gr");
                Locator picker = chat.locator("[data-testid=reply-picker]");
                assertThat(picker.locator("[data-testid=reply-option][data-shortcut=greet]")).isVisible();
                assertThat(picker.locator("[data-testid=reply-option][data-shortcut=restart]")).hasCount(0);
                input.press("Enter");
                assertThat(input).hasValue(GREETING);
                assertThat(picker).hasCount(0);
                assertThat(chat.locator("[data-testid=message][data-sender=technician]")).hasCount(0);

                input.pressSequentially(" Ana");
                input.press("Enter");
                JsonNode greeting = phone.next(e -> "chat".equals(e.path("event").asText())
                        && "technician".equals(e.path("from").asText()), "the greeting");
                assertThat(greeting.get("text").asText()).isEqualTo(GREETING + " Ana");

                // The portal's shared reply, found by a word of its text, chosen with ↓ and inserted by a click.
                input.pressSequentially("Then: /tell");
                Locator shared = picker.locator("[data-testid=reply-option][data-shortcut=restart]");
                assertThat(shared).isVisible();
                assertThat(shared).containsText("default");
                shared.click();
                assertThat(input).hasValue("Then: " + RESTART);
                input.fill("");

                // A private note: shown to the technician, never to the phone.
                chat.locator("[data-testid=notes-toggle]").click();
                chat.locator("[data-testid=note-input]").fill(NOTE);
                chat.locator("[data-testid=note-add]").click();
                assertThat(chat.locator("[data-testid=note]")).containsText(NOTE);
                assertThat(chat.locator("[data-testid=notes-toggle]")).containsText("(1)");
                input.fill("One moment please");
                input.press("Enter");
                phone.next(e -> "One moment please".equals(e.path("text").asText()), "the message after the note");
                assertThat(phone.printed()).noneSatisfy(event -> assertThat(event.toString()).contains("prepaid"));
                assertThat(chat.locator("[data-testid=transcript]")).not().containsText("prepaid");
            }

            // The history keeps the note (administrators' Management Center).
            String session = lucia.get("/api/v1/sessions").json().get(0).get("id").asText();
            try (BrowserContext adminContext = chromium.context("es-ES")) {
                Page admin = ConsoleSessionTest.signInAs(server, adminContext, "admin", RunningServer.ADMIN_PASSWORD);
                admin.navigate(server.baseUrl() + "/#/admin/history/" + session);
                Locator notes = admin.locator("[data-testid=history-notes]");
                assertThat(notes.locator("[data-testid=note]")).containsText(NOTE);
                assertThat(notes).containsText("Notas privadas (1)");
            }
        }
    }
}
