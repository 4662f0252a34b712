package dev.tandem.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.server.files.TechnicianFiles;
import dev.tandem.server.testing.Api;
import dev.tandem.server.testing.RunningServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files both ways with the real server and {@code ./tandem device} as a process, through a link that
 * drops the phone's connection in the middle of each file: the file the technician sent is saved in
 * the phone's Downloads, and the file the customer sent downloads from the server, byte for byte.
 */
class FilesBothWaysDeviceTest {

    @Test
    void aFileEachWayArrivesByteForByteAcrossADroppedConnection(@TempDir Path temp) throws Exception {
        try (RunningServer server = RunningServer.start();
             CuttableLink link = new CuttableLink(URI.create(server.baseUrl()).getPort())) {
            Api tech = server.technician("paula");
            Path downloads = temp.resolve("Downloads");
            try (DeviceProcess device = DeviceProcess.start("--server", "http://127.0.0.1:" + link.port(),
                    "--code", tech.createCode("files"), "--name", "Ana", "--language", "en",
                    "--downloads", downloads.toString())) {
                // A JVM starts slowly on a loaded machine; the first event may take a while.
                String session = device.next(e -> "joined".equals(e.path("event").asText()), "joined", 90)
                        .get("session").asText();

                // To the phone: the customer accepts, the connection drops after 300 KB, the rest follows.
                byte[] manual = TechnicianFiles.randomBytes(900_000, 11);
                String sent = TechnicianFiles.upload(tech, session, "manual.pdf", manual);
                link.cutDownstreamAfter(300_000);
                TechnicianFiles.offer(tech, session, sent).expect(202);
                JsonNode offered = device.next("fileOffered");
                assertThat(offered.get("name").asText()).isEqualTo("manual.pdf");
                assertThat(offered.get("size").asLong()).isEqualTo(manual.length);
                assertThat(Files.exists(downloads.resolve("manual.pdf"))).as("nothing before the accept").isFalse();
                device.type("/accept-file " + offered.get("id").asText());
                device.next("reconnecting");
                JsonNode saved = device.next("fileSaved");
                assertThat(Files.readAllBytes(Path.of(saved.get("path").asText()))).isEqualTo(manual);
                assertThat(link.cuts()).isEqualTo(1);
                await(() -> TechnicianFiles.file(tech, session, sent).get("status").asText().equals("saved"));

                // From the phone: the customer picks a file, the connection drops after 300 KB, the rest follows.
                byte[] photo = TechnicianFiles.randomBytes(800_000, 12);
                Path picked = temp.resolve("photo.jpg");
                Files.write(picked, photo);
                String asked = tech.post("/api/v1/sessions/" + session + "/file-requests", "").expect(201).json()
                        .get("id").asText();
                assertThat(device.next("fileRequested").get("id").asText()).isEqualTo(asked);
                link.cutUpstreamAfter(300_000);
                device.type("/send-file " + asked + " " + picked);
                device.next("reconnecting");
                assertThat(device.next("fileSent").get("name").asText()).isEqualTo("photo.jpg");
                assertThat(link.cuts()).isEqualTo(2);
                assertThat(TechnicianFiles.download(tech, session, asked).body()).isEqualTo(photo);

                // A declined offer is not saved and cannot be pushed again.
                String unwanted = TechnicianFiles.upload(tech, session, "tool.apk", TechnicianFiles.randomBytes(5000, 13));
                TechnicianFiles.offer(tech, session, unwanted).expect(202);
                device.type("/decline-file " + device.next("fileOffered").get("id").asText());
                await(() -> TechnicianFiles.file(tech, session, unwanted).get("status").asText().equals("declined"));
                assertThat(TechnicianFiles.offer(tech, session, unwanted).errorCode()).isEqualTo("file_declined");
                assertThat(Files.exists(downloads.resolve("tool.apk"))).isFalse();

                assertThat(tech.get("/api/v1/sessions/" + session + "/messages").json().findValuesAsText("text"))
                        .contains("The file manual.pdf is saved in the Downloads of Ana's phone.",
                                "File from Ana: photo.jpg (781 KB).", "Ana declined the file tool.apk.");
            }
        }
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        dev.tandem.server.testing.AgentPhone.await(condition, 15);
    }
}
