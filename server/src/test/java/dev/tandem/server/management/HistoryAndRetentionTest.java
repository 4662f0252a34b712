package dev.tandem.server.management;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.server.testing.Api;
import dev.tandem.server.testing.RawDevice;
import dev.tandem.server.testing.RunningServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/** Session history (filters, CSV, one session's record) and the retention sweep. */
class HistoryAndRetentionTest {

    /** Joins, chats, and ends a session with one uploaded log file; returns its id. */
    private static String sessionWithLogFile(RunningServer server, Api tech, String customer, String text) {
        String code = tech.createCode("case");
        try (RawDevice device = RawDevice.connect(server)) {
            String session = device.join(code, customer).get("session").asText();
            device.chat(1, text);
            device.next("ack");
            tech.post("/api/v1/sessions/" + session + "/logs", "").expect(202);
            JsonNode prompt = device.next("prompt");
            device.send("{\"type\":\"answer\",\"id\":\"" + prompt.get("id").asText() + "\",\"granted\":true}");
            byte[] content = ("log of " + customer + "\n").getBytes(StandardCharsets.UTF_8);
            CRC32 crc = new CRC32();
            crc.update(content);
            device.send("{\"type\":\"logFile\",\"id\":\"" + prompt.get("id").asText() + "\",\"upload\":\"u1\","
                    + "\"name\":\"agent.log\",\"size\":" + content.length + ",\"sha256\":\"" + sha256(content) + "\"}");
            device.send("{\"type\":\"logChunk\",\"upload\":\"u1\",\"index\":0,\"data\":\""
                    + Base64.getEncoder().encodeToString(content) + "\",\"crc32\":" + crc.getValue() + "}");
            device.send("{\"type\":\"logEnd\",\"upload\":\"u1\"}");
            device.next("logStored");
            device.send("{\"type\":\"logsDone\",\"id\":\"" + prompt.get("id").asText() + "\",\"files\":1}");
            tech.post("/api/v1/sessions/" + session + "/end", "").expect(200);
            return session;
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> csv(RunningServer server, Api api, String query) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.baseUrl()
                + "/api/v1/history.csv" + query)).header("Authorization", "Bearer " + api.token()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void historyFiltersExportsSafeCsvAndKeepsTechniciansToTheirOwnSessions() throws Exception {
        try (RunningServer server = RunningServer.start()) {
            Api admin = server.admin();
            admin.post("/api/v1/portals", "{\"name\":\"Printers\",\"slug\":\"printers\"}").expect(201);
            Api gina = server.technician("gina");
            Api hugo = server.technician("hugo");
            String ginas = sessionWithLogFile(server, gina, "=HYPERLINK(\"http://evil\")", "hello, \"quoted\"");
            String printerCode = hugo.post("/api/v1/codes", "{\"portal\":\"printers\"}").expect(201).json()
                    .get("code").asText();
            String hugos;
            try (RawDevice device = RawDevice.connect(server)) {
                hugos = device.join(printerCode, "Ivan").get("session").asText();
            }

            JsonNode all = admin.get("/api/v1/sessions").expect(200).json();
            assertThat(all.findValuesAsText("id")).containsExactly(hugos, ginas);
            JsonNode ended = admin.get("/api/v1/sessions?status=ended").expect(200).json();
            assertThat(ended.findValuesAsText("id")).containsExactly(ginas);
            JsonNode one = ended.get(0);
            assertThat(one.at("/technician/username").asText()).isEqualTo("gina");
            assertThat(one.at("/technician/displayName").asText()).isEqualTo("gina");
            assertThat(one.get("origin").asText()).isEqualTo("code");
            assertThat(one.get("endedBy").asText()).isEqualTo("technician");
            assertThat(one.get("durationSeconds").asLong()).isGreaterThanOrEqualTo(0);
            assertThat(admin.get("/api/v1/sessions?status=active").json().get(0).get("durationSeconds").isNull()).isTrue();
            assertThat(admin.get("/api/v1/sessions?technician=hugo").json().findValuesAsText("id")).containsExactly(hugos);
            assertThat(admin.get("/api/v1/sessions?portal=printers").json().findValuesAsText("id")).containsExactly(hugos);
            assertThat(admin.get("/api/v1/sessions?portal=default&technician=hugo").json()).isEmpty();
            assertThat(admin.get("/api/v1/sessions?from=2000-01-01&to=2000-12-31").json()).isEmpty();
            String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
            assertThat(admin.get("/api/v1/sessions?from=" + today + "&to=" + today).json()).hasSize(2);
            assertThat(admin.get("/api/v1/sessions?limit=1").json()).hasSize(1);
            assertThat(admin.get("/api/v1/sessions?limit=5000").status()).isEqualTo(400);
            assertThat(admin.get("/api/v1/sessions?from=soon").status()).isEqualTo(400);
            assertThat(admin.get("/api/v1/sessions?status=paused").status()).isEqualTo(400);

            // A technician sees only their own sessions, whatever the filter says.
            assertThat(gina.get("/api/v1/sessions").json().findValuesAsText("id")).containsExactly(ginas);
            assertThat(gina.get("/api/v1/sessions?technician=hugo").json()).isEmpty();
            assertThat(gina.get("/api/v1/sessions/" + hugos + "/history").status()).isEqualTo(404);
            assertThat(csv(server, gina, "").body()).doesNotContain(hugos);

            HttpResponse<String> export = csv(server, admin, "?status=ended");
            assertThat(export.statusCode()).isEqualTo(200);
            assertThat(export.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv")
                    .containsIgnoringCase("charset=utf-8");
            String[] lines = export.body().split("\r\n");
            assertThat(lines[0]).isEqualTo("id,code,portal,technician,customer,device,started,ended,duration_s,status,"
                    + "ended_by,messages,notes,survey_rating,survey_comment");
            assertThat(lines).hasSize(2);
            assertThat(lines[1]).startsWith(ginas + ",").contains(",gina,")
                    .contains(",\"'=HYPERLINK(\"\"http://evil\"\")\",").contains(",ended,technician,");
            assertThat(lines[1]).doesNotContain(",=");

            JsonNode history = gina.get("/api/v1/sessions/" + ginas + "/history").expect(200).json();
            assertThat(history.at("/session/id").asText()).isEqualTo(ginas);
            assertThat(history.get("transcript").findValuesAsText("text")).contains("hello, \"quoted\"");
            assertThat(history.get("logFiles").get(0).get("name").asText()).isEqualTo("agent.log");
            assertThat(history.get("logFiles").get(0).get("url").asText()).endsWith(
                    history.get("logFiles").get(0).get("id").asText());
            assertThat(history.get("permissions").findValuesAsText("kind")).contains("logs");
            assertThat(history.at("/retention/transcriptRemoved").asBoolean()).isFalse();
            assertThat(history.get("diagnostics")).isEmpty();
        }
    }

    @Test
    void retentionRemovesOldTranscriptsAndLogFilesButKeepsTheSessionAndTheAudit() throws Exception {
        try (RunningServer server = RunningServer.start()) {
            Api tech = server.technician("jana");
            String session = sessionWithLogFile(server, tech, "Kim", "my printer is on fire");
            tech.post("/api/v1/sessions/" + session + "/notes", "{\"text\":\"Kim's printer: replace the fuser\"}")
                    .expect(201);
            Path logs = server.data().resolve("logs").resolve(session);
            assertThat(Files.list(logs)).isNotEmpty();
            server.admin().put("/api/v1/settings", "{\"retention\":{\"transcriptDays\":30,\"logFileDays\":7}}")
                    .expect(200);

            server.clock().advance(Duration.ofDays(8));
            server.restart();
            JsonNode week = awaitHistory(server, session, "/retention/logFilesRemoved");
            assertThat(week.get("logFiles")).isEmpty();
            assertThat(week.at("/retention/transcriptRemoved").asBoolean()).isFalse();
            assertThat(week.get("transcript").findValuesAsText("text")).contains("my printer is on fire");
            assertThat(week.get("notes").findValuesAsText("text")).containsExactly("Kim's printer: replace the fuser");
            assertThat(Files.exists(logs)).isFalse();

            server.clock().advance(Duration.ofDays(23));
            server.restart();
            JsonNode month = awaitHistory(server, session, "/retention/transcriptRemoved");
            assertThat(month.get("transcript")).isEmpty();
            assertThat(month.get("notes")).as("private notes go with the transcript").isEmpty();
            assertThat(month.at("/session/status").asText()).isEqualTo("ended");
            assertThat(month.at("/session/customerName").asText()).isEqualTo("Kim");
            JsonNode audit = server.admin().get("/api/v1/audit?session=" + session).expect(200).json();
            assertThat(audit.findValuesAsText("action")).contains("session.joined", "logs.requested", "session.ended");
            JsonNode purged = server.admin().get("/api/v1/audit?action=system.retention-purged").expect(200).json();
            assertThat(purged).hasSize(2);
            assertThat(purged.get(0).get("actor").asText()).isEqualTo("system");
            assertThat(purged.get(0).get("detail").asText()).contains("log files of 1 sessions");
        }
    }

    private static JsonNode awaitHistory(RunningServer server, String session, String flag) throws InterruptedException {
        Api admin = server.admin();
        for (int i = 0; i < 100; i++) {
            JsonNode history = admin.get("/api/v1/sessions/" + session + "/history").expect(200).json();
            if (history.at(flag).asBoolean()) {
                return history;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Retention did not set " + flag);
    }
}
