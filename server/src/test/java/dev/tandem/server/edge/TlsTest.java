package dev.tandem.server.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.server.TandemServer;
import dev.tandem.server.testing.Api;
import dev.tandem.server.testing.RunningServer;
import dev.tandem.server.testing.TestCertificates;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS on --port with a private CA's certificate: chains, RSA and EC keys, the redirect port, HSTS, renewals. */
class TlsTest {
    @TempDir
    Path dir;

    @Test
    void anRsaCertificateWithItsChainServesHttpsWithHstsAndASecureCookie() throws Exception {
        TestCertificates certificates = TestCertificates.create(dir);
        EdgeSettings.TlsFiles files = certificates.server("rsa", "RSA");
        try (RunningServer server = RunningServer.start(c -> c.withEdge(c.edge().withTls(files)))) {
            assertThat(server.baseUrl()).startsWith("https://localhost:");
            assertThat(server.server().baseUrl()).as("links default to https").startsWith("https://localhost:");
            Api api = Api.overTls(server.baseUrl(), certificates.clientContext());
            Api.Response health = api.get("/healthz").expect(200);
            assertThat(health.raw().headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000");
            assertThat(health.raw().sslSession()).isPresent();
            assertThat(((X509Certificate) health.raw().sslSession().get().getPeerCertificates()[1]).getSubjectX500Principal())
                    .as("the chain is served").isEqualTo(certificates.ca().getSubjectX500Principal());
            Api.Response login = api.post("/api/v1/auth/login", "{\"username\":\"admin\",\"password\":\""
                    + RunningServer.ADMIN_PASSWORD + "\"}").expect(200);
            assertThat(login.raw().headers().firstValue("Set-Cookie").orElseThrow()).contains("Secure").contains("HttpOnly");
            api.signIn("admin", RunningServer.ADMIN_PASSWORD).get("/api/v1/users").expect(200);
        }
    }

    @Test
    void anEcKeyWorksAndAClientWithoutTheCaIsRefused() throws Exception {
        TestCertificates certificates = TestCertificates.create(dir);
        EdgeSettings.TlsFiles files = certificates.server("ec", "EC");
        try (RunningServer server = RunningServer.start(c -> c.withEdge(c.edge().withTls(files)))) {
            Api.overTls(server.baseUrl(), certificates.clientContext()).get("/healthz").expect(200);
            HttpClient stranger = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            assertThatThrownBy(() -> stranger.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/healthz")).build(),
                    HttpResponse.BodyHandlers.ofString())).isInstanceOf(SSLHandshakeException.class);
        }
    }

    @Test
    void thePlainHttpPortRedirectsWith308KeepingPathAndQuery() throws Exception {
        TestCertificates certificates = TestCertificates.create(dir);
        EdgeSettings.TlsFiles files = certificates.server("web", "EC");
        try (RunningServer server = RunningServer.start(c -> c.withEdge(c.edge().withTls(files).withHttpPort(0)))) {
            int redirect = server.server().redirectPort().orElseThrow();
            HttpClient plain = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
            HttpResponse<String> answer = plain.send(HttpRequest.newBuilder(URI.create("http://localhost:" + redirect
                    + "/join/123456789?lang=es&x=%20y")).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(308);
            assertThat(answer.headers().firstValue("Location")).hasValue(server.baseUrl() + "/join/123456789?lang=es&x=%20y");
            assertThat(answer.headers().firstValue("Strict-Transport-Security")).as("not over plain HTTP").isEmpty();
            Api.overTls(server.baseUrl(), certificates.clientContext()).withToken(null).get("/healthz").expect(200);
        }
    }

    @Test
    void aRenewedCertificateReplacedByRenameKeyFirstIsServedWithoutARestart() throws Exception {
        TestCertificates certificates = TestCertificates.create(dir);
        EdgeSettings.TlsFiles live = certificates.server("live", "RSA");
        try (RunningServer server = RunningServer.start(c -> c.withEdge(c.edge().withTls(live)))) {
            BigInteger first = servedSerial(server, certificates.clientContext());
            EdgeSettings.TlsFiles renewed = certificates.server("renewed", "EC");
            BigInteger next = ((X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificate(Files.newInputStream(renewed.certificate()))).getSerialNumber();
            // As certbot and friends do: the new key is renamed into place first, then the certificate.
            Files.move(renewed.key(), live.key(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Thread.sleep(EdgeListeners.RELOAD_CHECK_SECONDS * 1000 + 500);
            assertThat(servedSerial(server, certificates.clientContext())).as("a half-renewed pair is not served").isEqualTo(first);
            Files.move(renewed.certificate(), live.certificate(), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            Instant deadline = Instant.now().plusSeconds(20);
            BigInteger served = first;
            while (Instant.now().isBefore(deadline) && !served.equals(next)) {
                Thread.sleep(250);
                served = servedSerial(server, certificates.clientContext());
            }
            assertThat(served).isEqualTo(next);
        }
    }

    @Test
    void aKeyThatDoesNotBelongToTheCertificateStopsTheStartWithASentence() {
        TestCertificates certificates = TestCertificates.create(dir);
        EdgeSettings.TlsFiles one = certificates.server("one", "EC");
        EdgeSettings.TlsFiles other = certificates.server("other", "EC");
        assertThatThrownBy(() -> RunningServer.start(c -> c.withEdge(c.edge().withTls(
                new EdgeSettings.TlsFiles(one.certificate(), other.key())))))
                .isInstanceOf(TandemServer.StartupException.class).hasMessageContaining("does not belong to the certificate");
    }

    private static BigInteger servedSerial(RunningServer server, SSLContext tls) throws Exception {
        URI base = URI.create(server.baseUrl());
        try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(base.getHost(), base.getPort())) {
            socket.startHandshake();
            return ((X509Certificate) socket.getSession().getPeerCertificates()[0]).getSerialNumber();
        }
    }
}
