package dev.tandem.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.protocol.tls.TrustedCertificates;
import dev.tandem.server.edge.EdgeSettings;
import dev.tandem.server.testing.Api;
import dev.tandem.server.testing.RunningServer;
import dev.tandem.server.testing.TestCertificates;
import dev.tandem.vnc.ListenAddress;
import dev.tandem.vnc.TandemServerUrl;
import dev.tandem.vnc.VncBridge;
import dev.tandem.vnc.VncCommand;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The clients against a server that speaks HTTPS and WSS with a private CA's certificate:
 * {@code tandem device} joins with {@code --ca-file} (and refuses to without it), and the VNC
 * bridge tunnels the phone's screen over WSS; {@code tandem vnc} makes its REST calls over HTTPS with
 * {@code --ca-file} and cannot reach the server without it.
 */
class TlsClientsTest {
    @TempDir
    Path dir;

    @Test
    void theVirtualPhoneAndTheVncBridgeWorkOverTlsWithAPrivateCa() throws Exception {
        TestCertificates certificates = TestCertificates.create(dir);
        EdgeSettings.TlsFiles files = certificates.server("server", "RSA");
        try (RunningServer server = RunningServer.start(c -> c.withEdge(c.edge().withTls(files).withHttpPort(0)))) {
            Api tech = Api.overTls(server.baseUrl(), certificates.clientContext()).signIn("admin", RunningServer.ADMIN_PASSWORD);

            try (DeviceProcess stranger = DeviceProcess.start("--server", server.baseUrl(), "--code",
                    tech.createCode("no CA"), "--consent", "yes")) {
                assertThat(stranger.awaitExit()).isEqualTo(5);
                // When the TLS failure reaches the agent before the close it says "securely … --ca-file";
                // either way the sentence names the server and no Java class.
                assertThat(stranger.stderr()).contains("Cannot reach the Tandem server at " + server.baseUrl())
                        .doesNotContain("Exception");
            }

            try (DeviceProcess phone = DeviceProcess.start("--server", server.baseUrl(), "--ca-file",
                    certificates.caFile().toString(), "--code", tech.createCode("over TLS"), "--consent", "yes")) {
                String session = phone.next("joined").get("session").asText();
                tech.post("/api/v1/sessions/" + session + "/messages", "{\"text\":\"Hola por TLS\"}").expect(201);
                JsonNode chat = phone.next(e -> "chat".equals(e.path("event").asText()), "chat");
                assertThat(chat.get("text").asText()).isEqualTo("Hola por TLS");

                tech.post("/api/v1/sessions/" + session + "/screen", "{\"control\":false}").expect(202);
                phone.next(e -> "sharing".equals(e.path("event").asText()) && e.path("screen").asBoolean(), "sharing");
                List<String> notices = new CopyOnWriteArrayList<>();
                TandemServerUrl url = TandemServerUrl.parse(server.baseUrl())
                        .trusting(TrustedCertificates.fromFile(certificates.caFile().toString()));
                try (VncBridge bridge = VncBridge.start(ListenAddress.parse("127.0.0.1:0"), url, session, tech.token(),
                        notices::add);
                     Socket viewer = new Socket("127.0.0.1", bridge.address().port())) {
                    viewer.setSoTimeout(15_000);
                    InputStream in = viewer.getInputStream();
                    byte[] version = in.readNBytes(12);
                    assertThat(new String(version, StandardCharsets.US_ASCII)).as(String.join("; ", notices))
                            .isEqualTo("RFB 003.008\n");
                }

                // tandem vnc: its REST calls (session, screen) go over HTTPS too, trusting only what --ca-file adds.
                VncRun untrusting = VncRun.start("--server", server.baseUrl(), "--session", session,
                        "--token", tech.token(), "--listen", "127.0.0.1:0");
                assertThat(untrusting.exit.get(30, TimeUnit.SECONDS)).isEqualTo(5);
                assertThat(untrusting.err.toString().strip().lines()).hasSize(1);
                assertThat(untrusting.err.toString()).contains("Cannot reach the Tandem server at " + server.baseUrl() + " securely")
                        .contains("--ca-file")
                        .doesNotContain("Exception");
                VncRun trusting = VncRun.start("--server", server.baseUrl(), "--ca-file",
                        certificates.caFile().toString(), "--session", session, "--token", tech.token(),
                        "--listen", "127.0.0.1:0");
                try (Socket viewer = new Socket("127.0.0.1", trusting.awaitReadyPort())) {
                    viewer.setSoTimeout(15_000);
                    assertThat(new String(viewer.getInputStream().readNBytes(12), StandardCharsets.US_ASCII))
                            .isEqualTo("RFB 003.008\n");
                } finally {
                    trusting.command.stop();
                }
                assertThat(trusting.exit.get(30, TimeUnit.SECONDS)).as(trusting.err.toString()).isZero();
            }
        }
    }

    /** One run of {@code tandem vnc} in this JVM, with its stdout and stderr. */
    private record VncRun(VncCommand command, StringWriter out, StringWriter err, CompletableFuture<Integer> exit) {
        private static final Pattern READY = Pattern.compile("VNC server for session \\S+ at 127\\.0\\.0\\.1:(\\d+)");

        static VncRun start(String... args) {
            VncCommand command = new VncCommand();
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine line = new CommandLine(command);
            line.setOut(new PrintWriter(out, true));
            line.setErr(new PrintWriter(err, true));
            return new VncRun(command, out, err, CompletableFuture.supplyAsync(() -> line.execute(args)));
        }

        int awaitReadyPort() throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (System.nanoTime() < deadline && !exit.isDone()) {
                Matcher ready = READY.matcher(out.toString());
                if (ready.find()) {
                    return Integer.parseInt(ready.group(1));
                }
                Thread.sleep(20);
            }
            throw new AssertionError("no ready line; stdout: " + out + " stderr: " + err);
        }
    }
}
