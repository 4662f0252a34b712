package dev.tandem.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.tandem.device.DeviceProfile;
import dev.tandem.e2e.screen.PhoneCustomer;
import dev.tandem.server.ServerConfig;
import dev.tandem.server.testing.Api;
import dev.tandem.server.testing.RunningServer;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Remote Diagnostics and Send Logfiles in Chromium against a real server, a virtual phone running
 * the real agent in this JVM, and real SMTP (GreenMail): the customer is asked, the report fills the
 * window with its warnings, it exports as JSON; declined is shown and asked again; the log files
 * arrive, the prepared email goes out with the attachments the technician kept, byte for byte.
 */
class DiagnosticsBrowserTest {
    static GreenMail smtp;
    static RunningServer server;
    static Chromium chromium;
    static Api lucia;

    @BeforeAll
    static void start() throws Exception {
        int port;
        // A free port rather than GreenMail's fixed test port: other builds may be using that one.
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        server = RunningServer.start(c -> c.withSmtp(ServerConfig.SmtpSettings.parse("smtp://127.0.0.1:" + port)));
        lucia = server.technician("lucia");
        chromium = Chromium.launch();
    }

    @AfterAll
    static void stop() {
        chromium.close();
        server.close();
        smtp.stop();
    }

    /** Opens the session's Chat window from the session list. */
    private static Locator openChat(Page page, String session) {
        page.locator("[data-testid=session-row][data-session=" + session + "]").click();
        Locator chat = page.locator("[data-testid=chat-window][data-session=" + session + "]");
        assertThat(chat).isVisible();
        return chat;
    }

    @Test
    void diagnosticsAskTheCustomerThenShowTheReportWithItsWarningsAndExportIt() throws Exception {
        try (BrowserContext context = chromium.context("en-US");
             PhoneCustomer customer = PhoneCustomer.join(server.baseUrl(), lucia.createCode("Diagnostics"),
                     DeviceProfile.GENERIC)) {
            context.grantPermissions(List.of("clipboard-read", "clipboard-write"), new BrowserContext.GrantPermissionsOptions()
                    .setOrigin(server.baseUrl()));
            String session = customer.session();
            Page page = ConsoleSessionTest.signInAs(server, context, "lucia", RunningServer.password("lucia"));
            Locator chat = openChat(page, session);

            chat.locator("[data-testid=diagnostics]").click();
            Locator window = page.locator("[data-testid=diagnostics-window][data-session=" + session + "]");
            assertThat(window.locator("[data-testid=diagnostics-status]")).hasAttribute("data-status", "pending");
            customer.phone.answer(customer.nextPrompt("diagnostics").id(), true);

            assertThat(window.locator("[data-testid=diagnostics-status]")).hasAttribute("data-status", "ready");
            String model = DeviceProfile.GENERIC.deviceInfo().model;
            assertThat(window.locator("[data-row='device.model']")).containsText(model);
            assertThat(window.locator("[data-testid=diagnostics-section]")).hasCount(9);
            assertThat(window.locator("[data-testid=diagnostics-collected]")).isVisible();
            // The generic phone is nearly full: the warning is on top and its row is highlighted.
            assertThat(window.locator("[data-testid=diagnostics-warning][data-code='storage.low']"))
                    .containsText("Internal storage is nearly full");
            assertThat(window.locator("[data-row='storage.internal']")).hasAttribute("data-warning", "storage.low");
            assertThat(window.locator("[data-row='storage.internal']")).hasClass(Pattern.compile("diag-row--warning"));

            Download download = page.waitForDownload(() -> window.locator("[data-testid=diagnostics-export]").click());
            assertThat(download.suggestedFilename()).matches("tandem-" + session + "-diagnostics-\\d{8}T\\d{6}Z\\.json");
            JsonNode exported = new ObjectMapper().readTree(Files.readAllBytes(download.path()));
            assertThat(exported.at("/device/value/model").asText()).isEqualTo(model);
            assertThat(exported.get("version").asInt()).isEqualTo(1);

            window.locator("[data-testid=diagnostics-copy]").click();
            assertThat(page.locator("[data-testid=toast]").filter(new Locator.FilterOptions()
                    .setHasText("copied as text"))).isVisible();
            String copied = (String) page.evaluate("() => navigator.clipboard.readText()");
            assertThat(copied).startsWith("Remote Diagnostics: Ana").contains(model).contains("! Internal storage");

            window.locator("[data-testid=close-diagnostics]").click();
            assertThat(window).hasCount(0);
            assertThat(chat).hasAttribute("data-status", "active");
        }
    }

    @Test
    void declinedDiagnosticsAreShownAsDeclinedAndCanBeAskedAgain() throws Exception {
        try (BrowserContext context = chromium.context("en-US");
             PhoneCustomer customer = PhoneCustomer.join(server.baseUrl(), lucia.createCode("Declines"),
                     DeviceProfile.SAMSUNG)) {
            String session = customer.session();
            Page page = ConsoleSessionTest.signInAs(server, context, "lucia", RunningServer.password("lucia"));
            Locator chat = openChat(page, session);

            chat.locator("[data-testid=diagnostics]").click();
            customer.phone.answer(customer.nextPrompt("diagnostics").id(), false);
            Locator window = page.locator("[data-testid=diagnostics-window][data-session=" + session + "]");
            assertThat(window.locator("[data-testid=diagnostics-status]")).hasAttribute("data-status", "declined");
            assertThat(window).containsText("Ana declined to share device information.");

            window.locator("[data-testid=diagnostics-ask-again]").click();
            customer.phone.answer(customer.nextPrompt("diagnostics").id(), true);
            assertThat(window.locator("[data-testid=diagnostics-status]")).hasAttribute("data-status", "ready");
            assertThat(window.locator("[data-row='device.model']")).containsText("SM-S918B");
        }
    }

    @Test
    void sendLogfilesPreparesTheEmailAndTheKeptAttachmentsArriveByteForByte() throws Exception {
        String code = lucia.createCode("Logs");
        try (BrowserContext context = chromium.context("en-US");
             PhoneCustomer customer = PhoneCustomer.join(server.baseUrl(), code, DeviceProfile.SAMSUNG)) {
            String session = customer.session();
            Page page = ConsoleSessionTest.signInAs(server, context, "lucia", RunningServer.password("lucia"));
            Locator chat = openChat(page, session);

            chat.locator("[data-testid=send-logfiles]").click();
            Locator window = page.locator("[data-testid=logs-window][data-session=" + session + "]");
            assertThat(window.locator("[data-testid=logs-status]")).hasAttribute("data-status", "pending");
            customer.phone.answer(customer.nextPrompt("logs").id(), true);

            assertThat(window.locator("[data-testid=logs-status]")).hasAttribute("data-status", "ready");
            Locator files = window.locator("[data-testid=log-file]");
            assertThat(files).hasCount(2);

            // The email is prepared by itself once the files are in; put it aside to download the files first.
            Locator compose = page.locator("[data-testid=compose-email]");
            assertThat(compose).isVisible();
            compose.getByText("Cancel").click();
            assertThat(compose).hasCount(0);
            Map<String, byte[]> downloaded = new HashMap<>();
            for (int i = 0; i < 2; i++) {
                Locator file = files.nth(i);
                Download download = page.waitForDownload(() -> file.locator("[data-testid=log-download]").click());
                downloaded.put(file.getAttribute("data-name"), Files.readAllBytes(download.path()));
                assertThat(download.suggestedFilename()).isEqualTo(file.getAttribute("data-name"));
            }
            assertThat(downloaded).containsOnlyKeys("tandem-agent.log", "system.log");
            window.locator("[data-testid=compose-logs-email]").click();
            assertThat(compose).isVisible();

            String grouped = code.substring(0, 3) + " " + code.substring(3, 6) + " " + code.substring(6);
            assertThat(compose.locator("input[name=to]")).hasValue("");
            assertThat(compose.locator("input[name=subject]")).hasValue(Pattern.compile(
                    ".*Ana.*SM-S918B.*" + grouped + ".*"));
            String body = compose.locator("textarea[name=message]").inputValue();
            assertThat(body).contains("Customer: Ana").contains("SM-S918B").contains("Session code: " + grouped);
            Locator attachments = compose.locator("[data-testid=attachment]");
            assertThat(attachments).hasCount(2);
            compose.locator("[data-testid=attachment][data-name='system.log'] [data-testid=remove-attachment]").click();
            assertThat(attachments).hasCount(1);

            compose.locator("input[name=to]").fill("not an address");
            compose.locator("[data-testid=send-logs-email]").click();
            assertThat(compose.locator("[data-testid=compose-error]")).containsText("not a valid email address");
            assertThat(compose).isVisible();

            compose.locator("input[name=to]").fill("it@example.com");
            compose.locator("[data-testid=send-logs-email]").click();
            assertThat(compose).hasCount(0);
            assertThat(page.locator("[data-testid=toast]").filter(new Locator.FilterOptions()
                    .setHasText("it@example.com"))).isVisible();

            assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
            MimeMessage mail = smtp.getReceivedMessages()[smtp.getReceivedMessages().length - 1];
            assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("it@example.com");
            assertThat(mail.getSubject()).contains("Ana").contains(grouped);
            Multipart parts = (Multipart) mail.getContent();
            Map<String, byte[]> attached = new HashMap<>();
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart part = parts.getBodyPart(i);
                if (part.getFileName() != null) {
                    try (InputStream in = part.getInputStream()) {
                        attached.put(part.getFileName(), in.readAllBytes());
                    }
                }
            }
            assertThat(attached).containsOnlyKeys("tandem-agent.log");
            assertThat(attached.get("tandem-agent.log")).isEqualTo(downloaded.get("tandem-agent.log"));

            assertThat(page.locator("[data-testid=outbox-row]").filter(new Locator.FilterOptions()
                    .setHasText("it@example.com"))).isVisible();
        }
    }
}
