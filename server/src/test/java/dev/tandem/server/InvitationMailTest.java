package dev.tandem.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.tandem.server.testing.Api;
import dev.tandem.server.testing.RunningServer;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Send Code via Email: over real SMTP (GreenMail), in the portal's language, or to the outbox. */
class InvitationMailTest {
    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("tandem", "secret"));

    @Test
    void theInvitationArrivesOverSmtpWithTheJoinUrl() throws Exception {
        try (RunningServer server = RunningServer.start(c -> c.withSmtp(ServerConfig.SmtpSettings.parse(
                "smtp://tandem:secret@127.0.0.1:" + smtp.getSmtp().getPort() + "?insecure=true")))) {
            Api tech = server.technician("bob");
            String code = tech.createCode("Ana");
            tech.post("/api/v1/codes/" + code + "/email", "{\"to\":\"ana@example.com\"}").expect(202);
            assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
            MimeMessage message = smtp.getReceivedMessages()[0];
            assertThat(message.getAllRecipients()[0].toString()).isEqualTo("ana@example.com");
            String grouped = code.substring(0, 3) + " " + code.substring(3, 6) + " " + code.substring(6);
            assertThat(message.getSubject()).isEqualTo("Your support session code: " + grouped);
            String body = (String) message.getContent();
            assertThat(body).contains(server.baseUrl() + "/join/" + code).contains("bob");
            awaitStatus(tech, "sent");
        }
    }

    @Test
    void aSpanishPortalSendsTheInvitationInSpanish() throws Exception {
        try (RunningServer server = RunningServer.start(c -> c.withSmtp(ServerConfig.SmtpSettings.parse(
                "smtp://tandem:secret@127.0.0.1:" + smtp.getSmtp().getPort() + "?insecure=true")))) {
            server.admin().post("/api/v1/portals", "{\"name\":\"Soporte\",\"slug\":\"soporte\",\"language\":\"es\"}")
                    .expect(201);
            Api tech = server.technician("bea");
            String code = tech.post("/api/v1/codes", "{\"portal\":\"soporte\"}").expect(201).json().get("code").asText();
            tech.post("/api/v1/codes/" + code + "/email", "{\"to\":\"José <jose@example.com>\"}").expect(202);
            assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
            MimeMessage message = smtp.getReceivedMessages()[0];
            assertThat(message.getSubject()).startsWith("Su código de sesión de asistencia");
            assertThat((String) message.getContent()).contains("Toque este enlace").contains("caduca");
        }
    }

    @Test
    void withoutSmtpTheMailLandsInTheOutboxAndAReadableEml() throws Exception {
        try (RunningServer server = RunningServer.start()) {
            Api tech = server.technician("olga");
            String code = tech.createCode("outbox");
            String id = tech.post("/api/v1/codes/" + code + "/email", "{\"to\":\"ana@example.com\"}").expect(202)
                    .json().get("id").asText();
            awaitStatus(tech, "outbox");
            Path eml = server.data().resolve("outbox").resolve(id + ".eml");
            assertThat(eml).exists();
            assertThat(Files.readString(eml)).contains("ana@example.com").contains("/join/" + code);
            assertThat(tech.get("/api/v1/outbox/" + id + "/eml").expect(200).body()).contains("/join/" + code);
            assertThat(server.technician("other").get("/api/v1/outbox/" + id + "/eml").status()).isEqualTo(404);
        }
    }

    @Test
    void aBadAddressIsRefusedAndNothingIsSent() {
        try (RunningServer server = RunningServer.start()) {
            Api tech = server.technician("pat");
            String code = tech.createCode("typo");
            for (String bad : new String[] {"", "ana", "ana@", "a b@example.com", "@example.com"}) {
                Api.Response response = tech.post("/api/v1/codes/" + code + "/email", "{\"to\":" + Api.quote(bad) + "}");
                assertThat(response.status()).as(bad).isEqualTo(400);
                assertThat(response.errorCode()).isEqualTo("bad_address");
            }
            assertThat(tech.get("/api/v1/outbox").json()).isEmpty();
        }
    }

    private static void awaitStatus(Api tech, String status) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (Stream.of(tech.get("/api/v1/outbox").json().findValuesAsText("status").toArray())
                    .anyMatch(status::equals)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("No mail reached status " + status + ": " + tech.get("/api/v1/outbox").body());
    }
}
