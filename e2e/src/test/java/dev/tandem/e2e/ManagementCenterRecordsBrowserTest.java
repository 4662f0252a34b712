package dev.tandem.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import dev.tandem.device.DeviceProfile;
import dev.tandem.e2e.screen.PhoneCustomer;
import dev.tandem.server.ServerConfig;
import dev.tandem.server.testing.Api;
import dev.tandem.server.testing.RunningServer;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Management Center's records in Chromium against a real server, a virtual phone running the
 * real agent in this JVM and real SMTP (GreenMail): Settings (public URL, mail server, test email,
 * the stored password removed), the session History with one session's whole record and the CSV
 * export, and the Audit log with its filters and paging.
 */
class ManagementCenterRecordsBrowserTest {
    static GreenMail smtp;
    static int smtpPort;
    static RunningServer server;
    static Chromium chromium;

    @BeforeAll
    static void start() throws Exception {
        smtpPort = freePort();
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        // The command line sets no mail server: the Settings page sets it.
        // Tandem mails only to SMTP ports and --smtp-url's: GreenMail's free port comes in as --smtp-url.
        server = RunningServer.start(c -> c.withSmtp(dev.tandem.server.ServerConfig.SmtpSettings.parse(
                "smtp://127.0.0.1:" + smtpPort)));
        chromium = Chromium.launch();
    }

    @AfterAll
    static void stop() {
        chromium.close();
        server.close();
        smtp.stop();
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Signs the administrator in and opens a section of the Management Center from the header. */
    private static Page openManagementCenter(BrowserContext context, String section) {
        Page page = ConsoleSessionTest.signInAs(server, context, "admin", RunningServer.ADMIN_PASSWORD);
        page.locator("[data-testid=view-admin]").click();
        assertThat(page.locator("[data-testid=management-center]")).isVisible();
        page.locator("[data-testid=mc-nav-" + section + "]").click();
        assertThat(page).hasURL(Pattern.compile("#/admin/" + section + "$"));
        return page;
    }

    /** A technician with a display name different from the user name. */
    private static Api technician(String username, String displayName) {
        server.admin().post("/api/v1/users", "{\"username\":\"" + username + "\",\"password\":\"" + RunningServer.password(username)
                + "\",\"displayName\":" + Api.quote(displayName) + ",\"role\":\"technician\"}").expect(201);
        return server.api().signIn(username, RunningServer.password(username));
    }

    private static JsonNode waitFor(Api api, String path, Predicate<JsonNode> done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (true) {
            JsonNode view = api.get(path).expect(200).json();
            if (done.test(view)) return view;
            assertThat(System.nanoTime()).as("waiting for " + path).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    @Test
    void settingsSetThePublicUrlAndTheMailServerSendATestEmailAndShowWhySmtpFailed() throws Exception {
        try (BrowserContext context = chromium.context("en-US")) {
            Page page = openManagementCenter(context, "settings");
            Locator form = page.locator("[data-testid=settings-form]");
            assertThat(page.locator("[data-testid=smtp-source]")).containsText("From the command line");

            form.locator("input[name=publicUrl]").fill("https://support.example.test");
            // A password first: it is stored, never shown, and can be removed again.
            // Another spelling of GreenMail's address than the command line's, so the form sends it as a change.
            form.locator("input[name=smtpUrl]").fill("smtp://localhost:" + smtpPort);
            form.locator("input[name=smtpPassword]").fill("not-needed-by-greenmail");
            form.locator("input[name=smtpFrom]").fill("Support <support@example.test>");
            form.locator("[data-testid=save-settings]").click();
            assertThat(page.locator("[data-testid=smtp-source]")).containsText("Set here");
            assertThat(form).containsText("A password is stored.");
            assertThat(form.locator("input[name=smtpPassword]")).hasValue("");
            JsonNode stored = server.admin().get("/api/v1/settings").expect(200).json();
            assertThat(stored.get("publicUrl").asText()).isEqualTo("https://support.example.test");
            assertThat(stored.at("/smtp/passwordSet").asBoolean()).isTrue();
            assertThat(stored.at("/smtp/url").asText()).doesNotContain("not-needed");

            form.locator("input[name=clearPassword]").check();
            form.locator("[data-testid=save-settings]").click();
            assertThat(form).containsText("No password is stored.");
            assertThat(form.locator("input[name=clearPassword]")).hasCount(0);
            stored = server.admin().get("/api/v1/settings").expect(200).json();
            assertThat(stored.at("/smtp/passwordSet").asBoolean()).isFalse();
            assertThat(stored.at("/smtp/url").asText()).isEqualTo("smtp://localhost:" + smtpPort);

            // After a reload the form shows what is stored.
            page.reload();
            assertThat(form.locator("input[name=publicUrl]")).hasValue("https://support.example.test");
            assertThat(form.locator("input[name=smtpUrl]")).hasValue("smtp://localhost:" + smtpPort);
            assertThat(form.locator("input[name=smtpFrom]")).hasValue("Support <support@example.test>");

            Locator test = page.locator("[data-testid=test-email-form]");
            test.locator("input[name=testTo]").fill("it@example.test");
            test.locator("[data-testid=send-test-email]").click();
            assertThat(test.locator("[data-testid=test-email-result]")).containsText("The test email to it@example.test was sent.");
            assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
            MimeMessage mail = smtp.getReceivedMessages()[0];
            assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("it@example.test");
            assertThat(mail.getFrom()[0].toString()).contains("support@example.test");
            assertThat(mail.getSubject()).isEqualTo("Tandem test email");
            assertThat(((String) mail.getContent())).contains("https://support.example.test");

            // A mail server that is not there (nothing listens on the SMTP port 2525 here): the server's
            // sentence (502 smtp_failed) is shown.
            form.locator("input[name=smtpUrl]").fill("smtp://127.0.0.1:2525");
            form.locator("[data-testid=save-settings]").click();
            assertThat(page.locator("[data-testid=toast]").filter(new Locator.FilterOptions()
                    .setHasText("Settings saved")).first()).isVisible();
            test.locator("[data-testid=send-test-email]").click();
            Locator failed = test.locator("[data-testid=test-email-result]");
            assertThat(failed).hasClass(Pattern.compile("callout--error"));
            assertThat(failed).containsText("The mail server refused the test email:");
            Api.Response refused = server.admin().post("/api/v1/settings/test-email", "{\"to\":\"it@example.test\"}");
            assertThat(refused.status()).isEqualTo(502);
            assertThat(refused.errorCode()).isEqualTo("smtp_failed");
            assertThat(failed).containsText(refused.errorMessage());

            // New codes' join links use the public URL just set.
            Api tech = technician("nuria", "Nuria Vidal");
            JsonNode code = tech.post("/api/v1/codes", "{\"identifier\":\"After settings\"}").expect(201).json();
            assertThat(code.get("url").asText()).startsWith("https://support.example.test/");
            assertThat(code.get("url").asText()).contains(code.get("code").asText());
        }
    }

    @Test
    void aPortalsWelcomeTextColourAndRequestTimeoutRoundTripThroughTheForm() {
        server.admin().post("/api/v1/portals", "{\"slug\":\"tablets\",\"name\":\"Tablets\"}").expect(201);
        try (BrowserContext context = chromium.context("en-US")) {
            Page page = openManagementCenter(context, "portals");
            Locator dialog = page.locator("[data-testid=portal-dialog]");
            page.locator("[data-testid=portal-row][data-slug=tablets] [data-testid=edit-portal]").click();
            dialog.locator("textarea[name=welcomeText]").fill("Welcome to tablet support.\nWe answer in minutes.");
            dialog.locator("input[name=brandColor]").fill("#AA3300");
            dialog.locator("input[name=requestTimeoutMinutes]").fill("25");
            dialog.locator("[data-testid=save-portal]").click();
            assertThat(dialog).hasCount(0);

            page.reload();
            page.locator("[data-testid=portal-row][data-slug=tablets] [data-testid=edit-portal]").click();
            assertThat(dialog.locator("textarea[name=welcomeText]")).hasValue("Welcome to tablet support.\nWe answer in minutes.");
            assertThat(dialog.locator("input[name=brandColor]")).hasValue("#aa3300");
            assertThat(dialog.locator("input[name=requestTimeoutMinutes]")).hasValue("25");
            JsonNode shown = server.api().get("/api/v1/portals/tablets/public").expect(200).json();
            assertThat(shown.get("welcomeText").asText()).isEqualTo("Welcome to tablet support.\nWe answer in minutes.");
            assertThat(shown.get("brandColor").asText()).isEqualTo("#aa3300");
        }
    }

    @Test
    void historyShowsASessionsTranscriptPermissionsDiagnosticsAndLogFilesAndExportsCsv() throws Exception {
        Api marta = technician("marta", "Marta Ruiz");
        Api oscar = technician("oscar", "Óscar Gil");
        String session;
        try (PhoneCustomer customer = PhoneCustomer.join(server.baseUrl(), marta.createCode("Printer case"),
                DeviceProfile.SAMSUNG)) {
            session = customer.session();
            customer.phone.say("My printer says it is offline");
            marta.post("/api/v1/sessions/" + session + "/diagnostics", "").expect(202);
            customer.phone.answer(customer.nextPrompt("diagnostics").id(), true);
            waitFor(marta, "/api/v1/sessions/" + session + "/diagnostics", v -> v.path("status").asText().equals("ready"));
            marta.post("/api/v1/sessions/" + session + "/logs", "").expect(202);
            customer.phone.answer(customer.nextPrompt("logs").id(), true);
            waitFor(marta, "/api/v1/sessions/" + session + "/logs", v -> v.path("status").asText().equals("ready"));
            marta.post("/api/v1/sessions/" + session + "/end", "").expect(200);
        }
        String other;
        try (PhoneCustomer customer = PhoneCustomer.join(server.baseUrl(), oscar.createCode("Other case"),
                DeviceProfile.GENERIC)) {
            other = customer.session();
        }

        try (BrowserContext context = chromium.context("en-US")) {
            Page page = openManagementCenter(context, "history");
            Locator rows = page.locator("[data-testid=history-row]");
            assertThat(page.locator("[data-testid=history-row][data-session=" + other + "]")).isVisible();

            page.locator("[data-testid=history-filters] select[name=technician]").selectOption(new SelectOption().setValue("marta"));
            page.locator("[data-testid=history-filters] [data-testid=apply-filters]").click();
            assertThat(page).hasURL(Pattern.compile("technician=marta"));
            assertThat(rows).hasCount(1);
            Locator row = page.locator("[data-testid=history-row][data-session=" + session + "]");
            assertThat(row).containsText("Marta Ruiz");
            assertThat(row).containsText("Ana");

            // The CSV link carries the filters: only Marta's session is in it.
            Download csvDownload = page.waitForDownload(() -> page.locator("[data-testid=history-csv]").click());
            String csv = Files.readString(csvDownload.path(), StandardCharsets.UTF_8);
            assertThat(csv.lines().findFirst().orElse("")).startsWith("id,code,portal,technician");
            assertThat(csv).contains(session).contains("marta").doesNotContain(other);
            assertThat(csv.lines().count()).isEqualTo(2);

            row.locator("[data-testid=history-open]").click();
            Locator details = page.locator("[data-testid=mc-session][data-session=" + session + "]");
            assertThat(details.locator("[data-testid=session-facts]")).containsText("Marta Ruiz");
            assertThat(details.locator("[data-testid=session-status]")).containsText("Ended");
            assertThat(details.locator("[data-testid=history-transcript]")).containsText("My printer says it is offline");
            assertThat(details.locator("[data-testid=permission-event][data-kind=diagnostics][data-event=granted]")).isVisible();
            assertThat(details.locator("[data-testid=permission-event][data-kind=logs][data-event=asked]")).isVisible();
            Locator report = details.locator("[data-testid=history-report]");
            assertThat(report).hasCount(1);
            assertThat(report.locator("[data-row='device.model']")).containsText("SM-S918B");
            assertThat(report.locator("[data-testid=diagnostics-section]").first()).isVisible();

            Locator files = details.locator("[data-testid=history-log-file]");
            assertThat(files.first()).isVisible();
            JsonNode stored = marta.get("/api/v1/sessions/" + session + "/history").expect(200).json().get("logFiles");
            assertThat(files).hasCount(stored.size());
            JsonNode first = stored.get(0);
            Locator fileRow = files.filter(new Locator.FilterOptions().setHasText(first.get("name").asText()));
            Download download = page.waitForDownload(() -> fileRow.locator("a").click());
            assertThat(download.suggestedFilename()).isEqualTo(first.get("name").asText());
            byte[] expected = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.baseUrl()
                            + first.get("url").asText())).header("Authorization", "Bearer " + marta.token()).build(),
                    HttpResponse.BodyHandlers.ofByteArray()).body();
            assertThat(Files.readAllBytes(download.path())).isEqualTo(expected).hasSize(first.get("size").asInt());

            // Back to the list, with the filter kept.
            details.locator("[data-testid=back-to-history]").click();
            assertThat(page.locator("[data-testid=mc-history]")).isVisible();
        }
    }

    @Test
    void auditFiltersByActionAndSessionPagesOnAndLinksToTheSession() throws Exception {
        Api rosa = technician("rosa", "Rosa Vera");
        String session;
        try (PhoneCustomer customer = PhoneCustomer.join(server.baseUrl(), rosa.createCode("Audit case"),
                DeviceProfile.SAMSUNG)) {
            session = customer.session();
            rosa.post("/api/v1/sessions/" + session + "/diagnostics", "").expect(202);
            customer.phone.answer(customer.nextPrompt("diagnostics").id(), true);
            waitFor(rosa, "/api/v1/sessions/" + session + "/diagnostics", v -> v.path("status").asText().equals("ready"));
        }
        // More than a page of entries by one actor: 250 settings changes by the administrator.
        Api admin = server.admin();
        for (int i = 0; i < 125; i++) {
            admin.put("/api/v1/settings", "{\"retention\":{\"transcriptDays\":" + (30 + i) + "}}").expect(200);
            admin.put("/api/v1/settings", "{\"retention\":{\"transcriptDays\":null}}").expect(200);
        }
        int settingsChanges = 0;
        for (JsonNode e : admin.get("/api/v1/audit?action=admin.settings-updated&limit=5000").expect(200).json()) {
            settingsChanges++;
        }

        try (BrowserContext context = chromium.context("es-ES")) {
            Page page = openManagementCenter(context, "audit");
            Locator filters = page.locator("[data-testid=audit-filters]");
            Locator rows = page.locator("[data-testid=audit-row]");

            filters.locator("input[name=action]").fill("permission");
            filters.locator("[data-testid=apply-filters]").click();
            // The unfiltered list holds the grant too: wait for the filtered list (only permission rows) first.
            assertThat(page.locator("[data-testid=audit-row]:not([data-action^='permission.'])")).hasCount(0);
            assertThat(rows.first()).isVisible();
            Locator grant = page.locator("[data-testid=audit-row][data-action='permission.granted']")
                    .filter(new Locator.FilterOptions().setHasText(session));
            assertThat(grant).hasCount(1);
            assertThat(grant).containsText("diagnostics");

            // By session: every entry is that session's, and the link opens its history page.
            filters.locator("input[name=action]").fill("");
            filters.locator("input[name=session]").fill(session);
            filters.locator("[data-testid=apply-filters]").click();
            assertThat(page.locator("[data-testid=audit-row][data-action='session.joined']")).hasCount(1);
            assertThat(rows.filter(new Locator.FilterOptions().setHasNotText(session))).hasCount(0);
            rows.first().locator("a").click();
            assertThat(page.locator("[data-testid=mc-session][data-session=" + session + "]")).isVisible();
            assertThat(page.locator("[data-testid=history-report]")).hasCount(1);

            // Paging: the first page is full, "load more" appends the rest, no entry twice.
            page.navigate(server.baseUrl() + "/#/admin/audit?actor=admin&action=admin.settings-updated");
            assertThat(rows).hasCount(200);
            Locator more = page.locator("[data-testid=load-more]");
            more.click();
            assertThat(rows).hasCount(settingsChanges);
            assertThat(more).hasCount(0);
        }
    }
}
