package dev.tandem.server.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.tandem.server.ServerConfig;
import dev.tandem.server.edge.EdgeSettings;
import dev.tandem.server.testing.Api;
import dev.tandem.server.testing.RunningServer;
import dev.tandem.server.testing.TestCertificates;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.subethamail.smtp.auth.EasyAuthenticationHandlerFactory;
import org.subethamail.smtp.auth.LoginFailedException;
import org.subethamail.smtp.server.SMTPServer;

/**
 * The SMTP transport against real servers: SubEthaSMTP offering STARTTLS or speaking implicit TLS
 * with a certificate of the test's private CA, and GreenMail offering no TLS at all.
 */
class SmtpTransportTest {
    private static final String USER = "mailer";
    private static final String PASSWORD = "smtp-secret-4711";

    @RegisterExtension
    static GreenMailExtension plain = new GreenMailExtension(ServerSetupTest.SMTP)
            .withConfiguration(GreenMailConfiguration.aConfig().withUser(USER, PASSWORD));

    @TempDir
    Path dir;

    private final List<String> received = new CopyOnWriteArrayList<>();
    private final List<String> logins = new CopyOnWriteArrayList<>();
    private SMTPServer smtp;

    @AfterEach
    void stop() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    private int startTlsServer(TestCertificates certificates, boolean implicitTls, String... names) throws Exception {
        EdgeSettings.TlsFiles files = certificates.server("smtp", "EC", names.length == 0
                ? new String[] {"localhost", "127.0.0.1"} : names);
        SMTPServer.Builder builder = SMTPServer.port(0).bindAddress(InetAddress.getLoopbackAddress())
                .hostName("localhost")
                .authenticationHandlerFactory(new EasyAuthenticationHandlerFactory((user, password, context) -> {
                    logins.add(user + ":" + password);
                    if (!USER.equals(user) || !PASSWORD.equals(password)) {
                        throw new LoginFailedException();
                    }
                }))
                .requireAuth()
                .messageHandler((context, from, to, data) -> received.add(new String(data, StandardCharsets.UTF_8)));
        if (implicitTls) {
            builder.serverSocketFactory(TestCertificates.serverContext(files));
        } else {
            builder.enableTLS().requireTLS().startTlsSocketFactory(TestCertificates.serverContext(files));
        }
        smtp = builder.build();
        smtp.start();
        return smtp.getPortAllocated();
    }

    private static Api.Response testEmail(RunningServer server) {
        return server.admin().post("/api/v1/settings/test-email", "{\"to\":\"someone@example.test\"}");
    }

    @Test
    void smtpUpgradesWithStartTlsWhenOfferedAndAuthenticatesOnlyThen() throws Exception {
        TestCertificates certificates = TestCertificates.create(dir);
        int port = startTlsServer(certificates, false);
        try (RunningServer server = RunningServer.start(c -> c.withSmtp(ServerConfig.SmtpSettings.parse(
                "smtp://" + USER + ":" + PASSWORD + "@localhost:" + port)).withEdge(c.edge().withCaFile(certificates.caFile())))) {
            JsonNode sent = testEmail(server).expect(200).json();
            assertThat(sent.get("status").asText()).isEqualTo("sent");
            assertThat(received).hasSize(1);
            assertThat(received.get(0)).contains("This is a test email from Tandem");
            assertThat(logins).containsExactly(USER + ":" + PASSWORD);
        }
    }

    @Test
    void aCertificateTandemDoesNotTrustStopsTheMailBeforeThePasswordGoes() throws Exception {
        TestCertificates certificates = TestCertificates.create(dir);
        int port = startTlsServer(certificates, false);
        try (RunningServer server = RunningServer.start(c -> c.withSmtp(ServerConfig.SmtpSettings.parse(
                "smtp://" + USER + ":" + PASSWORD + "@localhost:" + port)))) {
            Api.Response refused = testEmail(server);
            assertThat(refused.status()).isEqualTo(502);
            assertThat(refused.errorMessage()).contains("TLS").contains("certificate").contains("--ca-file");
            assertThat(logins).isEmpty();
            assertThat(received).isEmpty();
        }
    }

    @Test
    void smtpsIsTlsFromTheFirstByteAndChecksTheCertificate() throws Exception {
        TestCertificates certificates = TestCertificates.create(dir);
        int port = startTlsServer(certificates, true);
        try (RunningServer server = RunningServer.start(c -> c.withSmtp(ServerConfig.SmtpSettings.parse(
                "smtps://" + USER + ":" + PASSWORD + "@localhost:" + port)).withEdge(c.edge().withCaFile(certificates.caFile())))) {
            assertThat(testEmail(server).expect(200).json().get("status").asText()).isEqualTo("sent");
            assertThat(received).hasSize(1);
        }
        smtp.stop();
        int other = startTlsServer(certificates, true, "mail.example.test");
        try (RunningServer server = RunningServer.start(c -> c.withSmtp(ServerConfig.SmtpSettings.parse(
                "smtps://" + USER + ":" + PASSWORD + "@127.0.0.1:" + other)).withEdge(c.edge().withCaFile(certificates.caFile())))) {
            // A trusted CA, but the certificate is made out to another name.
            Api.Response refused = testEmail(server);
            assertThat(refused.status()).isEqualTo(502);
            assertThat(refused.errorMessage()).contains("TLS");
            assertThat(logins).hasSize(1);
        }
    }

    @Test
    void aServerWithoutTlsNeverGetsThePasswordUnlessTheUrlSaysInsecure() throws Exception {
        int port = plain.getSmtp().getPort();
        try (RunningServer server = RunningServer.start(c -> c.withSmtp(ServerConfig.SmtpSettings.parse(
                "smtp://" + USER + ":" + PASSWORD + "@127.0.0.1:" + port)))) {
            Api.Response refused = testEmail(server);
            assertThat(refused.status()).isEqualTo(502);
            assertThat(refused.errorMessage()).contains("TLS").contains("unencrypted").contains("?insecure=true");
            JsonNode outbox = server.admin().get("/api/v1/outbox").expect(200).json();
            assertThat(outbox.get(0).path("error").asText()).contains("TLS").contains("unencrypted");
            assertThat(plain.getReceivedMessages()).isEmpty();

            JsonNode stored = server.admin().put("/api/v1/settings", "{\"smtp\":{\"url\":\"smtp://" + USER + "@127.0.0.1:"
                    + port + "?insecure=true\",\"password\":\"" + PASSWORD + "\"}}").expect(200).json();
            assertThat(stored.at("/smtp/url").asText()).endsWith("?insecure=true");
            assertThat(testEmail(server).expect(200).json().get("status").asText()).isEqualTo("sent");
            assertThat(plain.getReceivedMessages()).hasSize(1);
        }
    }

    @Test
    void theTestEmailTriesOnlySmtpPortsAndDoesNotSayHowAPortAnswered() throws Exception {
        try (java.net.ServerSocket web = new java.net.ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             RunningServer server = RunningServer.start()) {
            Api.Response refused = server.admin().put("/api/v1/settings", "{\"smtp\":{\"url\":\"smtp://127.0.0.1:"
                    + web.getLocalPort() + "\"}}");
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.errorMessage()).contains("25, 465, 587, 2525").contains(String.valueOf(web.getLocalPort()));
            server.admin().put("/api/v1/settings", "{\"smtp\":{\"url\":\"smtp://127.0.0.1:2525\"}}").expect(200);
            Api.Response nothingThere = testEmail(server);
            assertThat(nothingThere.status()).isEqualTo(502);
            assertThat(nothingThere.errorMessage()).isEqualTo("No SMTP server answered at 127.0.0.1:2525: check the host "
                    + "and the port, and that the server is running.");
        }
    }
}
