package dev.tandem.server.files;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.server.testing.Api;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;

/** What a technician's program does with files over REST: declare, send in parts, offer, download (also for e2e). */
public final class TechnicianFiles {
    private TechnicianFiles() {
    }

    public static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Api.Response declare(Api tech, String session, String name, long size, String sha256) {
        return tech.post("/api/v1/sessions/" + session + "/files", "{\"name\":" + Api.quote(name) + ",\"size\":" + size
                + ",\"sha256\":\"" + sha256 + "\"}");
    }

    public static Api.Response part(Api tech, String session, String file, long offset, byte[] bytes) {
        return tech.send(tech.request("/api/v1/sessions/" + session + "/files/" + file + "/parts/" + offset)
                .header("Content-Type", "application/octet-stream").PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)));
    }

    /** Declares {@code content} and sends it in parts of {@code FileShelf.MAX_PART_BYTES}; the file's id. */
    public static String upload(Api tech, String session, String name, byte[] content) {
        String file = declare(tech, session, name, content.length, sha256(content)).expect(201).json().get("id").asText();
        for (int at = 0; at < content.length; at += FileShelf.MAX_PART_BYTES) {
            part(tech, session, file, at, Arrays.copyOfRange(content, at, Math.min(content.length,
                    at + FileShelf.MAX_PART_BYTES))).expect(200);
        }
        return file;
    }

    public static Api.Response offer(Api tech, String session, String file) {
        return tech.post("/api/v1/sessions/" + session + "/file-offers", "{\"file\":" + Api.quote(file) + "}");
    }

    public static JsonNode file(Api tech, String session, String file) {
        for (JsonNode f : tech.get("/api/v1/sessions/" + session + "/files").expect(200).json().get("files")) {
            if (f.get("id").asText().equals(file)) {
                return f;
            }
        }
        throw new AssertionError("No file " + file + " in session " + session);
    }

    /**
     * The download's status and bytes, asked as a browser asks (accepting gzip): the bytes must come
     * as they are, with the Content-Length the server announced.
     */
    public static HttpResponse<byte[]> download(Api tech, String session, String file) {
        try {
            HttpResponse<byte[]> got = HttpClient.newHttpClient().send(tech.request("/api/v1/sessions/" + session
                    + "/files/" + file + "/content").header("Accept-Encoding", "gzip").GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (got.statusCode() == 200) {
                org.assertj.core.api.Assertions.assertThat(got.headers().firstValue("Content-Encoding")).as("not re-encoded")
                        .isEmpty();
                org.assertj.core.api.Assertions.assertThat(got.headers().firstValueAsLong("Content-Length"))
                        .hasValue(got.body().length);
            }
            return got;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
