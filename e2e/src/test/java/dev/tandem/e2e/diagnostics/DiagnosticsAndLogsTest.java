package dev.tandem.e2e.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.tandem.agent.logs.LogUpload;
import dev.tandem.device.DeviceProfile;
import dev.tandem.e2e.screen.PhoneCustomer;
import dev.tandem.server.ServerConfig;
import dev.tandem.server.testing.Api;
import dev.tandem.server.testing.RawDevice;
import dev.tandem.server.testing.RunningServer;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Predicate;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/**
 * Remote Diagnostics and Send Logfiles through the REST API against a real server, a virtual phone
 * running the real agent, and real SMTP (GreenMail), including SMTP being down for a while.
 */
class DiagnosticsAndLogsTest {

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static JsonNode await(Api api, String path, Predicate<JsonNode> done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        JsonNode now = api.get(path).expect(200).json();
        while (!done.test(now) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            now = api.get(path).expect(200).json();
        }
        assertThat(done.test(now)).as("%s reached the expected state: %s", path, now).isTrue();
        return now;
    }

    private static List<String> systemLines(Api api, String session) {
        List<String> lines = new ArrayList<>();
        for (JsonNode m : api.get("/api/v1/sessions/" + session + "/messages").expect(200).json()) {
            if (m.get("sender").asText().equals("system")) {
                lines.add(m.get("text").asText());
            }
        }
        return lines;
    }

    private static byte[] download(RunningServer server, Api api, String url) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(server.baseUrl() + url)).header("Authorization", "Bearer " + api.token()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    @Test
    void diagnosticsAreAskedThenReportedWithWarningsAndRefreshWithoutAskingAgain() throws Exception {
        try (RunningServer server = RunningServer.start()) {
            Api tech = server.technician("lucia");
            try (PhoneCustomer customer = PhoneCustomer.join(server.baseUrl(), tech.createCode("diag"),
                    DeviceProfile.GENERIC)) {
                String path = "/api/v1/sessions/" + customer.session() + "/diagnostics";
                assertThat(tech.get(path).expect(200).json().get("status").asText()).isEqualTo("none");
                tech.post(path, "").expect(202);
                customer.phone.answer(customer.nextPrompt("diagnostics").id(), true);
                JsonNode ready = await(tech, path, d -> d.get("status").asText().equals("ready"));
                assertThat(ready.at("/report/device/value/model").asText())
                        .isEqualTo(DeviceProfile.GENERIC.deviceInfo().model);
                assertThat(ready.get("warnings").findValuesAsText("code")).contains("storage.low");

                String first = ready.get("collectedAt").asText();
                Thread.sleep(1100);
                tech.post(path, "").expect(202); // a refresh: allowed already, so not asked again
                await(tech, path, d -> d.get("status").asText().equals("ready")
                        && !d.get("collectedAt").asText().equals(first));
                assertThat(customer.prompts).isEmpty();
                assertThat(systemLines(tech, customer.session()))
                        .anyMatch(l -> l.contains("asked for the phone's device information"))
                        .anyMatch(l -> l.contains("Ana allowed sharing the device information"))
                        .anyMatch(l -> l.contains("device information from Ana's phone arrived"));
            }
        }
    }

    @Test
    void theReportedPermissionsFollowWhatTheCustomerShares() throws Exception {
        try (RunningServer server = RunningServer.start()) {
            Api tech = server.technician("lucia");
            try (PhoneCustomer customer = PhoneCustomer.join(server.baseUrl(), tech.createCode("perm"),
                    DeviceProfile.SAMSUNG)) {
                String base = "/api/v1/sessions/" + customer.session();
                tech.post(base + "/screen", "{}").expect(202);
                assertThat(customer.nextSharing()).isEqualTo("screen=true,control=false");
                tech.post(base + "/diagnostics", "").expect(202);
                customer.phone.answer(customer.nextPrompt("diagnostics").id(), true);
                JsonNode ready = await(tech, base + "/diagnostics", d -> d.get("status").asText().equals("ready"));
                assertThat(ready.get("warnings").findValuesAsText("code"))
                        .doesNotContain("permission.screen-capture.missing")
                        .contains("permission.accessibility.missing");
            }
        }
    }

    @Test
    void declinedDiagnosticsAndLogsAreShownAsDeclined() throws Exception {
        try (RunningServer server = RunningServer.start()) {
            Api tech = server.technician("lucia");
            try (PhoneCustomer customer = PhoneCustomer.join(server.baseUrl(), tech.createCode("no"),
                    DeviceProfile.SAMSUNG)) {
                String base = "/api/v1/sessions/" + customer.session();
                tech.post(base + "/diagnostics", "").expect(202);
                customer.phone.answer(customer.nextPrompt("diagnostics").id(), false);
                await(tech, base + "/diagnostics", d -> d.get("status").asText().equals("declined"));
                tech.post(base + "/logs", "").expect(202);
                customer.phone.answer(customer.nextPrompt("logs").id(), false);
                JsonNode logs = await(tech, base + "/logs", d -> d.get("status").asText().equals("declined"));
                assertThat(logs.get("files")).isEmpty();
                assertThat(systemLines(tech, customer.session()))
                        .anyMatch(l -> l.contains("Ana declined to share the device information"))
                        .anyMatch(l -> l.contains("Ana declined to send the log files"));
            }
        }
    }

    @Test
    void logFilesArriveAreDownloadableOnlyByTheirTechnicianAndAreMailedByteForByte() throws Exception {
        GreenMail smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try (RunningServer server = RunningServer.start(c -> c.withSmtp(ServerConfig.SmtpSettings.parse(
                "smtp://127.0.0.1:" + smtp.getSmtp().getPort())))) {
            Api tech = server.technician("lucia");
            try (PhoneCustomer customer = PhoneCustomer.join(server.baseUrl(), tech.createCode("logs"),
                    DeviceProfile.SAMSUNG)) {
                String base = "/api/v1/sessions/" + customer.session();
                tech.post(base + "/logs", "").expect(202);
                customer.phone.answer(customer.nextPrompt("logs").id(), true);
                JsonNode logs = await(tech, base + "/logs", d -> d.get("status").asText().equals("ready"));
                assertThat(logs.get("files").findValuesAsText("name")).containsExactly("tandem-agent.log", "system.log");
                JsonNode agentLog = logs.get("files").get(0);
                byte[] agentBytes = download(server, tech, agentLog.get("url").asText());
                assertThat(agentBytes).hasSize(agentLog.get("size").asInt());
                assertThat(LogUpload.sha256(agentBytes)).isEqualTo(agentLog.get("sha256").asText());
                assertThat(new String(agentBytes, StandardCharsets.UTF_8)).contains("Joined session " + customer.session());

                Api other = server.technician("mallory");
                assertThat(other.get(agentLog.get("url").asText()).status()).isEqualTo(404);

                assertThat(tech.post(base + "/logs/email", "{\"to\":\"not an address\"}").errorCode())
                        .isEqualTo("bad_address");
                tech.post(base + "/logs/email", "{\"to\":\"it@example.com\",\"files\":[\""
                        + agentLog.get("id").asText() + "\"]}").expect(202);
                assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
                MimeMessage mail = smtp.getReceivedMessages()[0];
                assertThat(mail.getSubject()).contains("Ana");
                Multipart parts = (Multipart) mail.getContent();
                assertThat(parts.getCount()).isEqualTo(2);
                assertThat((String) parts.getBodyPart(0).getContent()).contains("SM-S918B").contains("tandem-agent.log");
                BodyPart attachment = parts.getBodyPart(1);
                assertThat(attachment.getFileName()).isEqualTo("tandem-agent.log");
                try (InputStream in = attachment.getInputStream()) {
                    assertThat(in.readAllBytes()).isEqualTo(agentBytes);
                }
                assertThat(systemLines(tech, customer.session()))
                        .anyMatch(l -> l.contains("Log files from Ana: tandem-agent.log, system.log"))
                        .anyMatch(l -> l.contains("lucia emailed the log files (1) to it@example.com"));
            }
        } finally {
            smtp.stop();
        }
    }

    @Test
    void withSmtpDownTheMailStaysQueuedAndIsDeliveredLater() throws Exception {
        int port = freePort();
        try (RunningServer server = RunningServer.start(c -> c.withMailRetry(Duration.ofSeconds(1))
                .withSmtp(ServerConfig.SmtpSettings.parse("smtp://127.0.0.1:" + port)))) {
            Api tech = server.technician("lucia");
            java.util.concurrent.BlockingQueue<String> events = new java.util.concurrent.LinkedBlockingQueue<>();
            org.java_websocket.client.WebSocketClient console = new org.java_websocket.client.WebSocketClient(
                    URI.create(server.wsUrl("/ws/console?token=" + tech.token()))) {
                @Override
                public void onOpen(org.java_websocket.handshake.ServerHandshake handshake) {
                }

                @Override
                public void onMessage(String message) {
                    events.add(message);
                }

                @Override
                public void onClose(int code, String reason, boolean remote) {
                }

                @Override
                public void onError(Exception ex) {
                }
            };
            assertThat(console.connectBlocking(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            try (PhoneCustomer customer = PhoneCustomer.join(server.baseUrl(), tech.createCode("down"),
                    DeviceProfile.LG)) {
                String base = "/api/v1/sessions/" + customer.session();
                tech.post(base + "/logs", "").expect(202);
                customer.phone.answer(customer.nextPrompt("logs").id(), true);
                await(tech, base + "/logs", d -> d.get("status").asText().equals("ready"));
                String id = tech.post(base + "/logs/email", "{\"to\":\"it@example.com\"}").expect(202).json()
                        .get("id").asText();
                JsonNode queued = await(tech, "/api/v1/outbox", list -> findMail(list, id) != null
                        && findMail(list, id).path("attempts").asInt() >= 1);
                assertThat(findMail(queued, id).get("status").asText()).isEqualTo("queued");
                assertThat(findMail(queued, id).path("error").asText()).isNotEmpty();

                GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
                smtp.start();
                try {
                    assertThat(smtp.waitForIncomingEmail(15_000, 1)).isTrue();
                    Multipart parts = (Multipart) smtp.getReceivedMessages()[0].getContent();
                    assertThat(parts.getCount()).isEqualTo(3); // the text and both files
                    await(tech, "/api/v1/outbox", list -> "sent".equals(findMail(list, id).get("status").asText()));
                    // The console heard each change of the mail, up to "sent".
                    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                    boolean sentEvent = false;
                    while (!sentEvent && System.nanoTime() < deadline) {
                        String event = events.poll(200, java.util.concurrent.TimeUnit.MILLISECONDS);
                        sentEvent = event != null && event.contains("\"type\":\"outbox\"") && event.contains(id)
                                && event.contains("\"sent\"");
                    }
                    assertThat(sentEvent).as("an outbox event saying the mail was sent").isTrue();
                } finally {
                    smtp.stop();
                }
            } finally {
                console.close();
            }
        }
    }

    private static JsonNode findMail(JsonNode list, String id) {
        for (JsonNode mail : list) {
            if (mail.get("id").asText().equals(id)) {
                return mail;
            }
        }
        return null;
    }

    @Test
    void aCorruptChunkOrAnOversizedFileIsRefusedWithoutEndingTheSession() throws Exception {
        try (RunningServer server = RunningServer.start()) {
            Api tech = server.technician("lucia");
            try (RawDevice device = RawDevice.connect(server)) {
                String session = device.join(tech.createCode("raw"), "Ana").get("session").asText();
                tech.post("/api/v1/sessions/" + session + "/logs", "").expect(202);
                String prompt = device.answerNextPrompt(true);

                device.send("{\"type\":\"logFile\",\"id\":\"" + prompt + "\",\"upload\":\"u1\",\"name\":\"huge.log\","
                        + "\"size\":31457280,\"sha256\":\"" + "0".repeat(64) + "\"}");
                assertThat(device.next("logRefused").get("reason").asText()).contains("at most 20.0 MB");

                byte[] content = "line one\nline two\n".getBytes(StandardCharsets.UTF_8);
                device.send("{\"type\":\"logFile\",\"id\":\"" + prompt + "\",\"upload\":\"u2\",\"name\":\"app.log\","
                        + "\"size\":" + content.length + ",\"sha256\":\"" + LogUpload.sha256(content) + "\"}");
                CRC32 crc = new CRC32();
                crc.update(content);
                device.send("{\"type\":\"logChunk\",\"upload\":\"u2\",\"index\":0,\"data\":\""
                        + Base64.getEncoder().encodeToString(content) + "\",\"crc32\":" + (crc.getValue() + 1) + "}");
                assertThat(device.next("logRefused").get("reason").asText()).contains("corrupt");

                device.sendLogFile(prompt, "u3", "app.log", content);
                assertThat(device.next("logStored").get("upload").asText()).isEqualTo("u3");
                device.send("{\"type\":\"logsDone\",\"id\":\"" + prompt + "\",\"files\":3}");

                JsonNode logs = await(tech, "/api/v1/sessions/" + session + "/logs",
                        d -> d.get("status").asText().equals("ready"));
                assertThat(logs.get("files").findValuesAsText("name")).containsExactly("app.log");
                assertThat(logs.get("refused").findValuesAsText("name")).containsExactly("huge.log", "app.log");
                device.chat(1, "still here");
                assertThat(device.chatWithText("still here")).isNotNull();
                assertThat(tech.get("/api/v1/sessions/" + session).expect(200).json().get("status").asText())
                        .isEqualTo("active");
            }
        }
    }

    @Test
    void anUploadCutByADroppedConnectionIsListedAsMissing() throws Exception {
        try (RunningServer server = RunningServer.start()) {
            Api tech = server.technician("lucia");
            try (RawDevice device = RawDevice.connect(server)) {
                String session = device.join(tech.createCode("drop"), "Ana").get("session").asText();
                tech.post("/api/v1/sessions/" + session + "/logs", "").expect(202);
                String prompt = device.answerNextPrompt(true);
                device.send("{\"type\":\"logFile\",\"id\":\"" + prompt + "\",\"upload\":\"u1\",\"name\":\"big.log\","
                        + "\"size\":100000,\"sha256\":\"" + "a".repeat(64) + "\"}");
                await(tech, "/api/v1/sessions/" + session + "/logs", d -> d.get("status").asText().equals("pending"));
                device.drop();
                JsonNode logs = await(tech, "/api/v1/sessions/" + session + "/logs",
                        d -> d.get("refused").size() == 1);
                assertThat(logs.get("refused").get(0).get("reason").asText()).contains("connection dropped");
                assertThat(logs.get("status").asText()).isEqualTo("ready");
                assertThat(logs.get("files")).isEmpty();
            }
        }
    }
}
