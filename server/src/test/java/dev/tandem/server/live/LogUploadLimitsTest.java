package dev.tandem.server.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.server.testing.Api;
import dev.tandem.server.testing.RawDevice;
import dev.tandem.server.testing.RunningServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Log uploads are taken only for the request the customer allowed, a few at a time per phone and a
 * bounded number in all; anything else is refused with its reason and costs only that upload.
 */
class LogUploadLimitsTest {
    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    @Test
    void uploadsNobodyAskedForAreRefusedAndTheSessionGoesOn() throws Exception {
        try (RunningServer server = RunningServer.start()) {
            Api tech = server.technician("ulla");
            try (RawDevice device = RawDevice.connect(server)) {
                String session = device.join(tech.createCode("unasked"), "Ana").get("session").asText();
                for (int i = 0; i < 300; i++) {
                    device.send("{\"type\":\"logFile\",\"id\":\"p_none\",\"upload\":\"x" + i + "\",\"name\":\"spam.log\","
                            + "\"size\":0,\"sha256\":\"" + EMPTY_SHA256 + "\"}");
                }
                JsonNode refused = device.next("logRefused");
                assertThat(refused.get("reason").asText()).startsWith("Nobody asked for log files");
                device.chat(1, "still talking");
                assertThat(device.next("ack").get("seq").asLong()).isPositive();
                assertThat(openPartFiles(server)).isZero();
                assertThat(tech.get("/api/v1/sessions/" + session + "/logs").json().get("files")).isEmpty();
                assertThat(tech.get("/api/v1/sessions/" + session + "/logs").json().path("refused")).isEmpty();
            }
        }
    }

    @Test
    void anAllowedRequestTakesAFewUploadsAtOnceAndRefusesTheRestOneByOne() throws Exception {
        try (RunningServer server = RunningServer.start()) {
            Api tech = server.technician("uwe");
            try (RawDevice device = RawDevice.connect(server)) {
                String session = device.join(tech.createCode("asked"), "Ana").get("session").asText();
                tech.post("/api/v1/sessions/" + session + "/logs", "").expect(202);
                String prompt = device.answerNextPrompt(true);
                // Ten files started at once, none finished: four are taken, six refused with a reason.
                for (int i = 0; i < 10; i++) {
                    device.send("{\"type\":\"logFile\",\"id\":\"" + prompt + "\",\"upload\":\"u" + i + "\",\"name\":\"f" + i
                            + ".log\",\"size\":5,\"sha256\":\"" + EMPTY_SHA256 + "\"}");
                }
                for (int i = 0; i < 6; i++) {
                    assertThat(device.next("logRefused").get("reason").asText()).contains("at most 4 files may be uploaded at once");
                }
                assertThat(openPartFiles(server)).isEqualTo(4);
                byte[] content = "hello".getBytes(StandardCharsets.UTF_8);
                device.sendLogFile(prompt, "u-ok", "good.log", content);
                assertThat(device.next("logRefused").get("upload").asText()).as("still four open").isEqualTo("u-ok");
                device.drop();
            }
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (openPartFiles(server) > 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(openPartFiles(server)).as("a dropped connection closes its uploads").isZero();
        }
    }

    private static long openPartFiles(RunningServer server) throws Exception {
        java.nio.file.Path logs = server.data().resolve("logs");
        if (!Files.exists(logs)) {
            return 0;
        }
        try (Stream<java.nio.file.Path> files = Files.walk(logs)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".part")).count();
        }
    }
}
