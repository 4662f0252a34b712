package dev.tandem.server.files;

import static dev.tandem.server.files.TechnicianFiles.randomBytes;
import static dev.tandem.server.files.TechnicianFiles.sha256;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.server.testing.AgentPhone;
import dev.tandem.server.testing.Api;
import dev.tandem.server.testing.RawDevice;
import dev.tandem.server.testing.RunningServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The limits of files both ways come from the settings an administrator changes (docs/files.md), and
 * a session's files go with its log files when retention removes them; the audit keeps what happened.
 */
class FileSettingsAndRetentionTest {

    @Test
    void theLimitsAreTheSettingsInForce() throws Exception {
        try (RunningServer server = RunningServer.start()) {
            Api tech = server.technician("ines");
            try (RawDevice device = RawDevice.connect(server)) {
                String session = device.join(tech.createCode("limits"), "Ana").get("session").asText();
                JsonNode defaults = server.admin().get("/api/v1/settings").expect(200).json().get("files");
                assertThat(defaults.get("maxFileMegabytes").asInt()).isEqualTo(20);
                assertThat(defaults.get("maxSessionMegabytes").asInt()).isEqualTo(100);
                server.admin().put("/api/v1/settings", "{\"files\":{\"maxFileMegabytes\":1,\"maxSessionMegabytes\":2}}")
                        .expect(200);
                Api.Response tooLarge = TechnicianFiles.declare(tech, session, "video.mp4", 1_500_000, sha256(new byte[0]));
                assertThat(tooLarge.status()).isEqualTo(413);
                assertThat(tooLarge.errorMessage()).isEqualTo("video.mp4 is 1.4 MB; a file may have at most 1.0 MB.");
                TechnicianFiles.declare(tech, session, "a.bin", 1_000_000, sha256(new byte[0])).expect(201);
                TechnicianFiles.declare(tech, session, "b.bin", 1_000_000, sha256(new byte[0])).expect(201);
                assertThat(TechnicianFiles.declare(tech, session, "c.bin", 200_000, sha256(new byte[0])).errorCode())
                        .isEqualTo("session_files_full");
                Api.Response wrong = server.admin().put("/api/v1/settings", "{\"files\":{\"maxFileMegabytes\":0}}");
                assertThat(wrong.status()).isEqualTo(400);
                server.admin().put("/api/v1/settings", "{\"files\":{\"maxFileMegabytes\":null,\"maxSessionMegabytes\":null}}")
                        .expect(200);
                assertThat(TechnicianFiles.declare(tech, session, "c.bin", 200_000, sha256(new byte[0])).status())
                        .as("back to the defaults").isEqualTo(201);
            }
        }
    }

    @Test
    void retentionRemovesASessionsFilesWithItsLogFiles() throws Exception {
        try (RunningServer server = RunningServer.start()) {
            Api tech = server.technician("jon");
            String session;
            String file;
            try (RawDevice device = RawDevice.connect(server)) {
                session = device.join(tech.createCode("kept"), "Ana").get("session").asText();
                file = TechnicianFiles.upload(tech, session, "notes.txt", randomBytes(40_000, 9));
                TechnicianFiles.offer(tech, session, file).expect(202);
                device.next("fileOffer");
                tech.post("/api/v1/sessions/" + session + "/end", "").expect(200);
            }
            assertThat(tech.get("/api/v1/sessions/" + session + "/files").json().get("files")).hasSize(1);
            assertThat(TechnicianFiles.download(tech, session, file).statusCode()).as("kept after the end").isEqualTo(200);
            server.admin().put("/api/v1/settings", "{\"retention\":{\"logFileDays\":7}}").expect(200);
            server.clock().advance(Duration.ofDays(8));
            server.restart();
            Api again = server.api().signIn("jon", RunningServer.password("jon"));
            AgentPhone.await(() -> again.get("/api/v1/sessions/" + session + "/files").json().get("files").isEmpty(), 10);
            assertThat(TechnicianFiles.download(again, session, file).statusCode()).isEqualTo(404);
            assertThat(server.admin().get("/api/v1/audit?session=" + session).expect(200).json().findValuesAsText("action"))
                    .contains("file.uploaded", "file.offered");
        }
    }
}
