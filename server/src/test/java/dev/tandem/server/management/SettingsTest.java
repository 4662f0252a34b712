package dev.tandem.server.management;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.tandem.server.ServerConfig;
import dev.tandem.server.testing.Api;
import dev.tandem.server.testing.RunningServer;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Settings in the Management Center: stored, in force at once, and the test email over real SMTP. */
class SettingsTest {
    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("tandem", "secret"));

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void aNewPublicUrlIsUsedByTheNextJoinLinkAndClearingItGoesBack() {
        try (RunningServer server = RunningServer.start()) {
            Api admin = server.admin();
            Api tech = server.technician("dora");
            String local = server.baseUrl();
            JsonNode before = admin.get("/api/v1/settings").expect(200).json();
            assertThat(before.get("publicUrl").isNull()).isTrue();
            assertThat(before.get("effectivePublicUrl").asText()).isEqualTo(local);
            assertThat(before.at("/smtp/source").asText()).isEqualTo("outbox");
            assertThat(before.at("/retention/transcriptDays").isNull()).isTrue();

            JsonNode after = admin.put("/api/v1/settings", "{\"publicUrl\":\"https://support.example.com/\"}")
                    .expect(200).json();
            assertThat(after.get("publicUrl").asText()).isEqualTo("https://support.example.com");
            assertThat(after.get("effectivePublicUrl").asText()).isEqualTo("https://support.example.com");
            JsonNode code = tech.post("/api/v1/codes", "{}").expect(201).json();
            assertThat(code.get("url").asText()).isEqualTo("https://support.example.com/join/" + code.get("code").asText());

            admin.put("/api/v1/settings", "{\"publicUrl\":null}").expect(200);
            JsonNode back = tech.post("/api/v1/codes", "{}").expect(201).json();
            assertThat(back.get("url").asText()).isEqualTo(local + "/join/" + back.get("code").asText());
            assertThat(admin.get("/api/v1/audit?action=admin.settings-updated").expect(200).json()
                    .findValuesAsText("detail")).contains("changed publicUrl to https://support.example.com",
                    "changed publicUrl cleared");
        }
    }

    @Test
    void badValuesAreRefusedWithASentenceAndNothingChanges() {
        try (RunningServer server = RunningServer.start()) {
            Api admin = server.admin();
            for (String body : new String[] {"{\"publicUrl\":\"ftp://x\"}", "{\"publicUrl\":\"not a url\"}",
                    "{\"smtp\":{\"url\":\"http://mail.example.com\"}}", "{\"smtp\":{\"from\":\"nobody\"}}",
                    "{\"retention\":{\"transcriptDays\":0}}", "{\"retention\":{\"logFileDays\":\"ten\"}}",
                    "{\"retention\":5}"}) {
                Api.Response refused = admin.put("/api/v1/settings", body);
                assertThat(refused.status()).as(body).isEqualTo(400);
                assertThat(refused.errorMessage()).as(body).isNotBlank();
            }
            JsonNode settings = admin.get("/api/v1/settings").expect(200).json();
            assertThat(settings.get("publicUrl").isNull()).isTrue();
            assertThat(settings.at("/smtp/url").isNull()).isTrue();
        }
    }

    @Test
    void smtpSetInTheSettingsCarriesTheTestEmailAndInvitationsAndSurvivesARestart() throws Exception {
        // GreenMail offers no TLS: the URL allows the password in clear; --smtp-url's port is allowed.
        try (RunningServer server = RunningServer.start(c -> c.withSmtp(ServerConfig.SmtpSettings.parse(
                "smtp://127.0.0.1:" + smtp.getSmtp().getPort())))) {
            Api admin = server.admin();
            JsonNode settings = admin.put("/api/v1/settings", "{\"smtp\":{\"url\":\"smtp://tandem:secret@127.0.0.1:"
                    + smtp.getSmtp().getPort() + "?insecure=true\",\"from\":\"Support <support@example.com>\"},"
                    + "\"retention\":{\"transcriptDays\":30,\"logFileDays\":7}}").expect(200).json();
            assertThat(settings.at("/smtp/url").asText()).isEqualTo("smtp://tandem@127.0.0.1:" + smtp.getSmtp().getPort()
                    + "?insecure=true");
            assertThat(settings.at("/smtp/passwordSet").asBoolean()).isTrue();
            assertThat(settings.at("/smtp/source").asText()).isEqualTo("settings");
            assertThat(settings.at("/retention/logFileDays").asInt()).isEqualTo(7);
            assertThat(settings.toString()).doesNotContain("secret");

            JsonNode sent = admin.post("/api/v1/settings/test-email", "{\"to\":\"ops@example.com\"}").expect(200).json();
            assertThat(sent.get("status").asText()).isEqualTo("sent");
            assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
            MimeMessage test = smtp.getReceivedMessages()[0];
            assertThat(test.getSubject()).isEqualTo("Tandem test email");
            assertThat(test.getFrom()[0].toString()).contains("support@example.com");

            Api tech = server.technician("eve");
            String code = tech.createCode("Ana");
            tech.post("/api/v1/codes/" + code + "/email", "{\"to\":\"ana@example.com\"}").expect(202);
            assertThat(smtp.waitForIncomingEmail(10_000, 2)).isTrue();

            server.restart();
            JsonNode again = server.admin().get("/api/v1/settings").expect(200).json();
            assertThat(again.at("/smtp/source").asText()).isEqualTo("settings");
            assertThat(again.at("/smtp/passwordSet").asBoolean()).isTrue();
            assertThat(again.at("/retention/transcriptDays").asInt()).isEqualTo(30);
            assertThat(server.admin().get("/api/v1/audit").body()).doesNotContain("secret");

            // The console's "Remove the stored password" sends an empty password: it is removed, the URL stays.
            JsonNode removed = server.admin().put("/api/v1/settings", "{\"smtp\":{\"password\":\"\"}}").expect(200).json();
            assertThat(removed.at("/smtp/passwordSet").asBoolean()).isFalse();
            assertThat(removed.at("/smtp/url").asText()).isEqualTo("smtp://tandem@127.0.0.1:" + smtp.getSmtp().getPort()
                    + "?insecure=true");
            assertThat(removed.at("/smtp/from").asText()).isEqualTo("Support <support@example.com>");
            assertThat(server.admin().get("/api/v1/audit?action=admin.settings-updated").expect(200).json()
                    .findValuesAsText("detail")).contains("changed smtp.password cleared");
        }
    }

    @Test
    void aTestEmailToAClosedPortAnswers502WithWhatWentWrong() throws Exception {
        int port = closedPort();
        try (RunningServer server = RunningServer.start(c -> c.withSmtp(ServerConfig.SmtpSettings.parse(
                "smtp://127.0.0.1:" + port)))) {
            Api admin = server.admin();
            admin.put("/api/v1/settings", "{\"smtp\":{\"url\":\"smtp://127.0.0.1:" + port + "\"}}").expect(200);
            Api.Response failed = admin.post("/api/v1/settings/test-email", "{\"to\":\"ops@example.com\"}");
            assertThat(failed.status()).isEqualTo(502);
            assertThat(failed.errorCode()).isEqualTo("smtp_failed");
            assertThat(failed.errorMessage()).contains("No SMTP server answered at 127.0.0.1:" + port);
            assertThat(admin.post("/api/v1/settings/test-email", "{\"to\":\"not an address\"}").errorCode())
                    .isEqualTo("bad_address");
            assertThat(admin.get("/api/v1/audit?action=email.failed").expect(200).json()).hasSize(1);

            // Cleared: back to --smtp-url (here the same closed port).
            JsonNode cleared = admin.put("/api/v1/settings", "{\"smtp\":{\"url\":null}}").expect(200).json();
            assertThat(cleared.at("/smtp/source").asText()).isEqualTo("command-line");
        }
    }

    @Test
    void onlyAdministratorsSeeOrChangeSettings() {
        try (RunningServer server = RunningServer.start()) {
            Api tech = server.technician("fred");
            assertThat(tech.get("/api/v1/settings").status()).isEqualTo(403);
            assertThat(tech.put("/api/v1/settings", "{\"publicUrl\":\"https://evil.example.com\"}").status()).isEqualTo(403);
            assertThat(tech.post("/api/v1/settings/test-email", "{\"to\":\"a@example.com\"}").status()).isEqualTo(403);
            assertThat(server.api().get("/api/v1/settings").status()).isEqualTo(401);
            assertThat(server.admin().get("/api/v1/settings").expect(200).json().get("publicUrl").isNull()).isTrue();
        }
    }
}
