package dev.tandem.server.files;

import static dev.tandem.server.files.TechnicianFiles.randomBytes;
import static dev.tandem.server.files.TechnicianFiles.sha256;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.server.testing.Api;
import dev.tandem.server.testing.RawDevice;
import dev.tandem.server.testing.RunningServer;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/**
 * Files both ways at the protocol's level (docs/protocol.md 1.12), with a raw device that drops its
 * connection mid-file: each direction goes on from the last piece the other side holds, and the
 * bytes at the end are the bytes at the start. The customer's no is kept by the server too.
 */
class FileExchangeProtocolTest {
    private static final int PIECE = FilePieces.PIECE_BYTES;

    @Test
    void aFileSentToThePhoneGoesOnAfterADroppedConnectionAndArrivesByteForByte() throws Exception {
        try (RunningServer server = RunningServer.start()) {
            Api tech = server.technician("fiona");
            byte[] content = randomBytes(5 * PIECE + 123, 1);
            JsonNode welcome;
            String session;
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            String file;
            try (RawDevice device = RawDevice.connect(server)) {
                welcome = device.join(tech.createCode("send"), "Ana");
                session = welcome.get("session").asText();
                file = TechnicianFiles.upload(tech, session, "manual.pdf", content);
                assertThat(TechnicianFiles.file(tech, session, file).get("status").asText()).isEqualTo("uploading");
                TechnicianFiles.offer(tech, session, file).expect(202);
                JsonNode offer = device.next("fileOffer");
                assertThat(offer.get("name").asText()).isEqualTo("manual.pdf");
                assertThat(offer.get("size").asLong()).isEqualTo(content.length);
                assertThat(offer.get("sha256").asText()).isEqualTo(sha256(content));
                device.send("{\"type\":\"fileAnswer\",\"id\":\"" + file + "\",\"accepted\":true}");
                for (int index = 0; index < 3; index++) {
                    got.write(fetch(device, file, index));
                }
                device.drop();
            }
            try (RawDevice back = RawDevice.connect(server)) {
                back.send(RawDevice.resume(session, welcome.get("resumeToken").asText(), 0));
                back.next("welcome");
                assertThat(back.next("fileOffer").get("id").asText()).as("the open offer again").isEqualTo(file);
                for (int index = 3; index < 6; index++) {
                    got.write(fetch(back, file, index));
                }
                assertThat(got.toByteArray()).isEqualTo(content);
                back.send("{\"type\":\"fileSaved\",\"id\":\"" + file + "\"}");
                awaitStatus(tech, session, file, "saved");
                back.chatWithText("The file manual.pdf is saved in your Downloads.");
            }
            assertThat(TechnicianFiles.download(tech, session, file).body()).isEqualTo(content);
        }
    }

    @Test
    void aFileFromThePhoneGoesOnFromTheLastStoredPieceAndDownloadsByteForByte() throws Exception {
        try (RunningServer server = RunningServer.start()) {
            Api tech = server.technician("felix");
            byte[] content = randomBytes(4 * PIECE + 7, 2);
            JsonNode welcome;
            String session;
            String file;
            try (RawDevice device = RawDevice.connect(server)) {
                welcome = device.join(tech.createCode("receive"), "Ana");
                session = welcome.get("session").asText();
                file = tech.post("/api/v1/sessions/" + session + "/file-requests", "").expect(201).json().get("id").asText();
                JsonNode request = device.next("fileRequest");
                assertThat(request.get("id").asText()).isEqualTo(file);
                assertThat(request.get("next").asLong()).isZero();
                device.send("{\"type\":\"fileUpload\",\"id\":\"" + file + "\",\"name\":\"photo.jpg\",\"size\":"
                        + content.length + ",\"sha256\":\"" + sha256(content) + "\"}");
                device.send(chunk(file, content, 0));
                device.send(chunk(file, content, 1));
                awaitReceived(tech, session, file, 2L * PIECE);
                device.drop();
            }
            assertThat(TechnicianFiles.download(tech, session, file).statusCode()).as("not whole yet").isEqualTo(409);
            try (RawDevice back = RawDevice.connect(server)) {
                back.send(RawDevice.resume(session, welcome.get("resumeToken").asText(), 0));
                back.next("welcome");
                JsonNode again = back.next("fileRequest");
                assertThat(again.get("next").asLong()).as("where the upload stands").isEqualTo(2);
                assertThat(again.get("sha256").asText()).isEqualTo(sha256(content));
                back.send(chunk(file, content, 1)); // sent twice: kept once
                for (int index = 2; index < 5; index++) {
                    back.send(chunk(file, content, index));
                }
                back.send("{\"type\":\"fileEnd\",\"id\":\"" + file + "\"}");
                assertThat(back.next("fileStored").get("id").asText()).isEqualTo(file);
            }
            assertThat(TechnicianFiles.download(tech, session, file).body()).isEqualTo(content);
            assertThat(TechnicianFiles.file(tech, session, file).get("status").asText()).isEqualTo("received");
            assertThat(tech.get("/api/v1/sessions/" + session + "/messages").json().findValuesAsText("text"))
                    .anyMatch(line -> line.endsWith(" asked Ana to send a file."))
                    .contains("File from Ana: photo.jpg (128 KB).");
        }
    }

    @Test
    void aDeclinedOfferIsNeverServedAndCannotBeOfferedAgain() throws Exception {
        try (RunningServer server = RunningServer.start()) {
            Api tech = server.technician("gabi");
            try (RawDevice device = RawDevice.connect(server)) {
                String session = device.join(tech.createCode("declined"), "Ana").get("session").asText();
                String file = TechnicianFiles.upload(tech, session, "tool.apk", randomBytes(100, 3));
                TechnicianFiles.offer(tech, session, file).expect(202);
                device.next("fileOffer");
                device.send("{\"type\":\"fileFetch\",\"id\":\"" + file + "\",\"index\":0}");
                assertThat(device.next("fileRefused").get("code").asText()).as("not accepted yet").isEqualTo("file_not_ready");
                device.send("{\"type\":\"fileAnswer\",\"id\":\"" + file + "\",\"accepted\":false}");
                device.chatWithText("You declined the file tool.apk; it was not saved.");
                awaitStatus(tech, session, file, "declined");
                device.send("{\"type\":\"fileFetch\",\"id\":\"" + file + "\",\"index\":0}");
                assertThat(device.next("fileRefused").get("code").asText()).isEqualTo("file_declined");
                Api.Response again = TechnicianFiles.offer(tech, session, file);
                assertThat(again.status()).isEqualTo(409);
                assertThat(again.errorCode()).isEqualTo("file_declined");
                assertThat(TechnicianFiles.download(tech, session, file).statusCode()).as("the technician's own file")
                        .isEqualTo(200);
            }
        }
    }

    @Test
    void bytesNobodyAskedForOrOverTheLimitsAreRefusedWithACode() throws Exception {
        try (RunningServer server = RunningServer.start()) {
            Api tech = server.technician("hana");
            try (RawDevice device = RawDevice.connect(server)) {
                String session = device.join(tech.createCode("limits"), "Ana").get("session").asText();
                byte[] small = randomBytes(10, 4);
                device.send(chunk("x_unknown", small, 0));
                assertThat(device.next("fileRefused").get("code").asText()).isEqualTo("not_found");
                Api.Response tooLarge = TechnicianFiles.declare(tech, session, "big.iso", 21L * 1024 * 1024, sha256(small));
                assertThat(tooLarge.status()).isEqualTo(413);
                assertThat(tooLarge.errorCode()).isEqualTo("file_too_large");
                assertThat(tooLarge.errorMessage()).contains("at most 20.0 MB");
                for (int i = 0; i < 5; i++) {
                    TechnicianFiles.declare(tech, session, "part" + i + ".bin", 20L * 1024 * 1024, sha256(small)).expect(201);
                }
                Api.Response full = TechnicianFiles.declare(tech, session, "one-more.bin", 1, sha256(small));
                assertThat(full.status()).isEqualTo(413);
                assertThat(full.errorCode()).isEqualTo("session_files_full");
                String request = tech.post("/api/v1/sessions/" + session + "/file-requests", "").expect(201).json()
                        .get("id").asText();
                device.next("fileRequest");
                device.send("{\"type\":\"fileUpload\",\"id\":\"" + request + "\",\"name\":\"x.bin\",\"size\":10,"
                        + "\"sha256\":\"" + sha256(small) + "\"}");
                assertThat(device.next("fileRefused").get("code").asText()).isEqualTo("session_files_full");
                device.send("{\"type\":\"fileAnswer\",\"id\":\"" + request + "\",\"accepted\":false}");
                awaitStatus(tech, session, request, "declined");
                device.send("{\"type\":\"fileUpload\",\"id\":\"" + request + "\",\"name\":\"x.bin\",\"size\":10,"
                        + "\"sha256\":\"" + sha256(small) + "\"}");
                assertThat(device.next("fileRefused").get("code").asText()).as("a declined request takes no bytes")
                        .isEqualTo("file_declined");
                device.chat(1, "still talking");
                assertThat(device.next("ack").get("seq").asLong()).isPositive();
            }
        }
    }

    private static byte[] fetch(RawDevice device, String file, int index) {
        device.send("{\"type\":\"fileFetch\",\"id\":\"" + file + "\",\"index\":" + index + "}");
        JsonNode data = device.next("fileData");
        assertThat(data.get("index").asInt()).isEqualTo(index);
        byte[] bytes = Base64.getDecoder().decode(data.get("data").asText());
        CRC32 crc = new CRC32();
        crc.update(bytes);
        assertThat(crc.getValue()).isEqualTo(data.get("crc32").asLong());
        return bytes;
    }

    private static String chunk(String file, byte[] content, int index) {
        byte[] piece = Arrays.copyOfRange(content, Math.min(content.length, index * PIECE),
                Math.min(content.length, (index + 1) * PIECE));
        CRC32 crc = new CRC32();
        crc.update(piece);
        return "{\"type\":\"fileChunk\",\"id\":\"" + file + "\",\"index\":" + index + ",\"data\":\""
                + Base64.getEncoder().encodeToString(piece) + "\",\"crc32\":" + crc.getValue() + "}";
    }

    private static void awaitStatus(Api tech, String session, String file, String status) throws InterruptedException {
        dev.tandem.server.testing.AgentPhone.await(() -> TechnicianFiles.file(tech, session, file).get("status").asText()
                .equals(status), 5);
    }

    private static void awaitReceived(Api tech, String session, String file, long bytes) throws InterruptedException {
        dev.tandem.server.testing.AgentPhone.await(() -> TechnicianFiles.file(tech, session, file).get("received").asLong()
                == bytes, 5);
    }
}
