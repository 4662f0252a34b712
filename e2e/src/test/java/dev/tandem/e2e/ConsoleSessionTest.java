package dev.tandem.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.tandem.server.ServerConfig;
import dev.tandem.server.testing.RunningServer;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The technician's day, in Chromium against a real server: sign in, create a code, hand it over,
 * a virtual phone joins, chat both ways, end the session from the console.
 */
class ConsoleSessionTest {
    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withPerMethodLifecycle(false);

    static RunningServer server;
    static Chromium chromium;

    @BeforeAll
    static void start() {
        server = RunningServer.start(c -> c.withSmtp(ServerConfig.SmtpSettings.parse(
                "smtp://127.0.0.1:" + smtp.getSmtp().getPort())));
        server.technician("lucia");
        chromium = Chromium.launch();
    }

    @AfterAll
    static void stop() {
        chromium.close();
        server.close();
    }

    static Page signIn(BrowserContext context, String username, String password) {
        return signInAs(server, context, username, password);
    }

    static Page signInAs(RunningServer server, BrowserContext context, String username, String password) {
        Page page = context.newPage();
        page.navigate(server.baseUrl() + "/");
        page.locator("input[name=username]").fill(username);
        page.locator("input[name=password]").fill(password);
        page.locator("button[type=submit]").click();
        assertThat(page.locator("[data-testid=create-code]")).isVisible();
        return page;
    }

    static String createCode(Page page, String identifier) {
        page.locator("input[name=identifier]").fill(identifier);
        page.locator("[data-testid=create-code]").click();
        Locator row = page.locator("[data-testid=code-row]").filter(new Locator.FilterOptions().setHasText(identifier)).first();
        assertThat(row).isVisible();
        String code = row.getAttribute("data-code");
        assertThat(code).matches("\\d{9}");
        assertThat(row).containsText(code.substring(0, 3) + " " + code.substring(3, 6) + " " + code.substring(6));
        return code;
    }

    @Test
    void signInCreateACodeAPhoneJoinsChatBothWaysAndEndFromTheConsole() throws Exception {
        try (BrowserContext context = chromium.context("en-US")) {
            Page page = signIn(context, "lucia", RunningServer.password("lucia"));
            String code = createCode(page, "Ana Pérez");

            try (DeviceProcess phone = DeviceProcess.start("--server", server.baseUrl(), "--code",
                    code.substring(0, 3) + " " + code.substring(3, 6) + " " + code.substring(6),
                    "--name", "Ana Pérez", "--profile", "samsung")) {
                String sessionId = phone.next("joined").get("session").asText();

                Locator sessionRow = page.locator("[data-testid=session-row][data-session=" + sessionId + "]");
                assertThat(sessionRow).containsText("Ana Pérez");
                sessionRow.click();
                Locator chat = page.locator("[data-testid=chat-window][data-session=" + sessionId + "]");
                assertThat(chat).isVisible();
                assertThat(chat.locator("[data-testid=device-info]")).containsText("SM-S918B");
                assertThat(chat.locator("[data-testid=device-info]")).containsText("14");
                assertThat(chat.locator("[data-testid=capabilities]")).isVisible();
                assertThat(chat.locator("[data-testid=transcript]")).containsText("joined");

                String question = "¿Puede abrir Ajustes, señora Pérez? Gracias 👍";
                chat.locator("[data-testid=chat-input]").fill(question);
                chat.locator("[data-testid=chat-send]").click();
                JsonNode received = phone.next(e -> "chat".equals(e.path("event").asText())
                        && "technician".equals(e.path("from").asText()), "chat from technician");
                assertThat(received.get("text").asText()).isEqualTo(question);
                assertThat(received.get("name").asText()).isEqualTo("lucia");

                String answer = "Sí, ya está — ¿y ahora qué toco? ñandú 😀";
                phone.type(answer);
                assertThat(chat.locator("[data-testid=message][data-sender=customer]")).containsText(answer);

                chat.locator("[data-testid=end-session]").click();
                page.locator("[data-testid=confirm-end]").click();
                JsonNode ended = phone.next("ended");
                assertThat(ended.get("by").asText()).isEqualTo("technician");
                assertThat(phone.awaitExit()).isZero();
                assertThat(chat.locator("[data-testid=session-ended]")).isVisible();
            }
        }
    }

    @Test
    void aChatOnlyPhoneShowsWhyItCannotShareAndTheCustomerLeaving() throws Exception {
        try (BrowserContext context = chromium.context("en-US")) {
            Page page = signIn(context, "lucia", RunningServer.password("lucia"));
            String code = createCode(page, "Generic phone");
            try (DeviceProcess phone = DeviceProcess.start("--server", server.baseUrl(), "--code", code,
                    "--name", "Luis", "--profile", "generic")) {
                String sessionId = phone.next("joined").get("session").asText();
                page.locator("[data-testid=session-row][data-session=" + sessionId + "]").click();
                Locator chat = page.locator("[data-testid=chat-window][data-session=" + sessionId + "]");
                assertThat(chat.locator("[data-testid=capabilities]")).containsText("chat-only");
                phone.type("/quit");
                assertThat(phone.awaitExit()).isZero();
                assertThat(chat.locator("[data-testid=session-ended]")).isVisible();
                assertThat(chat.locator("[data-testid=transcript]")).containsText("Luis left the session");
            }
        }
    }

    @Test
    void sendCodeViaEmailReachesTheCustomersMailbox() throws Exception {
        try (BrowserContext context = chromium.context("en-US")) {
            Page page = signIn(context, "lucia", RunningServer.password("lucia"));
            String code = createCode(page, "Mail me");
            Locator row = page.locator("[data-testid=code-row][data-code=\"" + code + "\"]");
            row.locator("[data-testid=email-code]").click();
            page.locator("input[name=to]").fill("not an address");
            page.locator("[data-testid=send-email]").click();
            assertThat(page.getByText("not a valid email address")).isVisible();
            page.locator("input[name=to]").fill("ana.perez@example.com");
            page.locator("[data-testid=send-email]").click();
            assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
            MimeMessage mail = smtp.getReceivedMessages()[0];
            assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("ana.perez@example.com");
            assertThat((String) mail.getContent()).contains(server.baseUrl() + "/join/" + code);
        }
    }

    @Test
    void theConsoleSpeaksSpanish() {
        try (BrowserContext context = chromium.context("es-ES")) {
            Page page = signIn(context, "lucia", RunningServer.password("lucia"));
            assertThat(page.locator("body")).containsText("Gestión de códigos");
            page.locator("[data-testid=lang-switch]").selectOption("en");
            assertThat(page.locator("body")).containsText("Code Management");
        }
    }

    @Test
    void aWrongPasswordIsToldClearly() {
        try (BrowserContext context = chromium.context("en-US")) {
            Page page = context.newPage();
            page.navigate(server.baseUrl() + "/");
            page.locator("input[name=username]").fill("lucia");
            page.locator("input[name=password]").fill("not-her-password");
            page.locator("button[type=submit]").click();
            assertThat(page.locator("[data-testid=error]")).containsText("Wrong user name or password");
        }
    }
}
