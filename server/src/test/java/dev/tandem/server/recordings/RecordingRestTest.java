package dev.tandem.server.recordings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.protocol.stream.StreamFrame;
import dev.tandem.server.testing.Api;
import dev.tandem.server.testing.CollectingViewer;
import dev.tandem.server.testing.RawDevice;
import dev.tandem.server.testing.RunningServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;
import org.junit.jupiter.api.Test;

/**
 * Session recording through a real server (issue 18.6): a portal that records tells the customer,
 * the screen bytes a real viewer socket received come back byte for byte from the export, with the
 * transcript in the reader's language; the settings show the storage used; retention deletes the
 * recording with the transcript, and every step is audited.
 */
class RecordingRestTest {

    /** A viewer socket that collects the bytes it receives. */
    private static JsonNode awaitRecording(Api api, String session, String pointer) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            Api.Response response = api.get("/api/v1/sessions/" + session + "/recording");
            if (response.status() == 200 && !response.json().at(pointer).isNull()
                    && !response.json().at(pointer).isMissingNode()) {
                return response.json();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("The recording never showed " + pointer);
    }

    private static byte[] file(RunningServer server, Api api, String session, String language) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        server.baseUrl() + "/api/v1/sessions/" + session + "/recording/file"))
                .header("Authorization", "Bearer " + api.token()).header("Accept-Language", language).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
        return response.body();
    }

    @Test
    void aRecordedSessionPlaysBackWhatTheViewerReceivedAndRetentionRemovesIt() throws Exception {
        try (RunningServer server = RunningServer.start()) {
            Api admin = server.admin();
            admin.put("/api/v1/portals/default", "{\"recordSessions\":true}").expect(200);
            assertThat(admin.get("/api/v1/portals").json().get(0).get("recordSessions").asBoolean()).isTrue();
            Api tech = server.technician("rosa");
            byte[] screen = new byte[3 * StreamFrame.MAX_PAYLOAD + 999];
            new Random(5).nextBytes(screen);
            String session;
            try (RawDevice device = RawDevice.connect(server)) {
                session = device.join(tech.createCode("rec"), "Ana").get("session").asText();
                tech.post("/api/v1/sessions/" + session + "/screen", "{\"control\":false}").expect(202);
                JsonNode prompt = device.next("prompt");
                assertThat(prompt.get("recorded").asBoolean()).isTrue();
                assertThat(prompt.get("ask").asBoolean())
                        .as("the default portal shares without asking, but a recorded screen is asked").isTrue();
                assertThat(prompt.get("text").asText()).contains("recorded");
                device.send("{\"type\":\"answer\",\"id\":\"" + prompt.get("id").asText() + "\",\"granted\":true}");
                for (int i = 0; i < 100 && !tech.get("/api/v1/sessions/" + session + "/screen").json()
                        .path("status").asText().equals("sharing"); i++) {
                    Thread.sleep(20);
                }
                assertThat(tech.get("/api/v1/sessions/" + session + "/screen").json().get("recording").asText())
                        .isEqualTo("recording");
                CollectingViewer viewer = new CollectingViewer(URI.create(server.wsUrl("/ws/screen/" + session + "?token=" + tech.token())),
                        screen.length);
                assertThat(viewer.connectBlocking(5, TimeUnit.SECONDS)).isTrue();
                long stream = device.next("screenOpen").get("stream").asLong();
                for (int at = 0; at < screen.length; at += StreamFrame.MAX_PAYLOAD) {
                    int length = Math.min(StreamFrame.MAX_PAYLOAD, screen.length - at);
                    ByteBuffer frame = StreamFrame.encode(stream, ByteBuffer.wrap(screen, at, length));
                    byte[] wire = new byte[frame.remaining()];
                    frame.get(wire);
                    device.sendBinary(wire);
                }
                viewer.all.get(10, TimeUnit.SECONDS);
                viewer.closeBlocking();
                tech.post("/api/v1/sessions/" + session + "/end", "").expect(200);
            }

            JsonNode recording = awaitRecording(tech, session, "/endedAt");
            assertThat(recording.get("complete").asBoolean()).isTrue();
            assertThat(recording.get("parts")).hasSize(1);
            assertThat(recording.at("/parts/0/node").asText()).isEqualTo(server.server().node().id());
            assertThat(server.technician("otto").get("/api/v1/sessions/" + session + "/recording").status())
                    .as("another technician may not see it").isEqualTo(404);

            RecordingFile.Contents contents = RecordingFile.read(new ByteArrayInputStream(file(server, tech, session, "es")));
            ByteArrayOutputStream replayed = new ByteArrayOutputStream();
            contents.entries().stream().filter(e -> e.kind() == RecordingFile.SCREEN).forEach(e -> replayed.writeBytes(e.bytes()));
            assertThat(replayed.toByteArray()).as("the recording holds what the viewer received").isEqualTo(screen);
            assertThat(contents.entries().get(0).kind()).isEqualTo(RecordingFile.OPENED);
            JsonNode header = new ObjectMapper().readTree(contents.header());
            assertThat(header.get("format").asInt()).isEqualTo(1);
            assertThat(header.at("/session/id").asText()).isEqualTo(session);
            assertThat(header.get("transcript").findValuesAsText("text"))
                    .contains("Esta sesión se está grabando (pantalla, entradas y chat).");
            assertThat(admin.get("/api/v1/settings").json().at("/recordings/usedBytes").asLong())
                    .isEqualTo(recording.get("bytes").asLong()).isGreaterThan(screen.length);
            assertThat(admin.get("/api/v1/settings").json().at("/recordings/limitMegabytes").asInt()).isEqualTo(10240);

            admin.put("/api/v1/settings", "{\"retention\":{\"transcriptDays\":30}}").expect(200);
            server.clock().advance(Duration.ofDays(31));
            server.restart();
            admin = server.admin(); // a month later: a new sign-in
            for (int i = 0; i < 100 && admin.get("/api/v1/sessions/" + session + "/recording").status() != 404; i++) {
                Thread.sleep(100);
            }
            assertThat(admin.get("/api/v1/sessions/" + session + "/recording").status()).isEqualTo(404);
            assertThat(admin.get("/api/v1/settings").json().at("/recordings/usedBytes").asLong()).isZero();
            List<String> actions = admin.get("/api/v1/audit").json().findValuesAsText("action");
            assertThat(actions).contains("recording.started", "recording.stopped", "recording.exported",
                    "recording.deleted");
        }
    }

    @Test
    void theStorageLimitIsASettingAndAdministratorsAloneDeleteARecording() throws Exception {
        try (RunningServer server = RunningServer.start()) {
            Api admin = server.admin();
            admin.put("/api/v1/portals/default", "{\"recordSessions\":true}").expect(200);
            assertThat(admin.put("/api/v1/settings", "{\"recordings\":{\"limitMegabytes\":-1}}").status()).isEqualTo(400);
            Api tech = server.technician("rosa");
            try (RawDevice device = RawDevice.connect(server)) {
                String session = device.join(tech.createCode("rec"), "Ana").get("session").asText();
                tech.post("/api/v1/sessions/" + session + "/screen", "{}").expect(202);
                assertThat(device.next("prompt").get("recorded").asBoolean()).isTrue();
                awaitRecording(tech, session, "/startedAt");
                assertThat(tech.delete("/api/v1/sessions/" + session + "/recording").status()).isEqualTo(403);
                admin.delete("/api/v1/sessions/" + session + "/recording").expect(204);
                assertThat(tech.get("/api/v1/sessions/" + session + "/recording").status()).isEqualTo(404);
            }

            admin.put("/api/v1/settings", "{\"recordings\":{\"limitMegabytes\":0}}").expect(200);
            assertThat(admin.get("/api/v1/settings").json().at("/recordings/limitMegabytes").asInt()).isZero();
            try (RawDevice device = RawDevice.connect(server)) {
                String session = device.join(tech.createCode("full"), "Bea").get("session").asText();
                tech.post("/api/v1/sessions/" + session + "/screen", "{}").expect(202);
                assertThat(device.next("prompt").has("recorded")).isFalse();
                assertThat(tech.get("/api/v1/sessions/" + session + "/screen").json().get("recording").asText())
                        .isEqualTo("limit");
                assertThat(tech.get("/api/v1/sessions/" + session + "/recording").status()).isEqualTo(404);
            }
        }
    }
}
