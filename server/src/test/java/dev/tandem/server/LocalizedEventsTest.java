package dev.tandem.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.server.testing.Api;
import dev.tandem.server.testing.RawDevice;
import dev.tandem.server.testing.RunningServer;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Transcript lines are stored as phrases and worded for each reader: the customer's phone in the
 * language it said in its hello (unless the portal fixes one), REST callers in their Accept-Language,
 * and the customer never reads anything internal (the support team's address).
 */
class LocalizedEventsTest {
    static RunningServer server;
    static Api tech;

    @BeforeAll
    static void start() {
        server = RunningServer.start();
        server.admin().post("/api/v1/users", "{\"username\":\"lucia\",\"password\":\"" + RunningServer.password("lucia") + "\","
                + "\"displayName\":\"Lucía Gómez\",\"role\":\"technician\"}").expect(201);
        tech = server.api().signIn("lucia", RunningServer.password("lucia"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String helloIn(String language, String code, String name) {
        return RawDevice.hello(code, name, "samsung").replace("\"lastSeq\":0}",
                "\"lastSeq\":0,\"language\":\"" + language + "\"}");
    }

    private static JsonNode transcript(String session, String acceptLanguage) {
        return tech.send(tech.request("/api/v1/sessions/" + session + "/messages")
                .header("Accept-Language", acceptLanguage).GET()).expect(200).json();
    }

    private static List<String> texts(JsonNode transcript) {
        return StreamSupport.stream(transcript.spliterator(), false).map(m -> m.get("text").asText()).toList();
    }

    @Test
    void aSpanishPhoneReadsSpanishWhileTheTechnicianReadsHisOwnLanguage() {
        String code = tech.createCode("Ana");
        try (RawDevice phone = RawDevice.connect(server)) {
            phone.send(helloIn("es-ES", code, "Ana"));
            JsonNode welcome = phone.next("welcome");
            assertThat(welcome.get("language").asText()).isEqualTo("es");
            String session = welcome.get("session").asText();
            JsonNode joined = phone.next("chat");
            assertThat(joined.get("text").asText()).isEqualTo("Ana se ha unido a la sesión desde Samsung SM-S918B (Android 14).");
            assertThat(joined.get("key").asText()).isEqualTo("event.joined");
            assertThat(joined.at("/params/customer").asText()).isEqualTo("Ana");

            tech.post("/api/v1/sessions/" + session + "/screen", "{\"control\":false}").expect(202);
            // The default portal shares the screen with a notice and no question.
            assertThat(phone.next("prompt").get("text").asText())
                    .isEqualTo("Lucía Gómez está viendo su pantalla. Puede detenerlo en cualquier momento.");
            assertThat(phone.next("chat").get("text").asText()).isEqualTo("Lucía Gómez está viendo la pantalla de Ana"
                    + " (este portal la comparte sin preguntar; Ana puede detenerlo en cualquier momento).");

            assertThat(texts(transcript(session, "en-GB,en;q=0.9"))).containsExactly(
                    "Ana joined the session from Samsung SM-S918B (Android 14).",
                    "Lucía Gómez is viewing Ana's screen (this portal shares it without asking; Ana can stop it at any time).");
            JsonNode spanish = transcript(session, "es-MX,es;q=0.8,en;q=0.5");
            assertThat(texts(spanish).get(0)).isEqualTo("Ana se ha unido a la sesión desde Samsung SM-S918B (Android 14).");
            assertThat(spanish.get(1).get("key").asText()).isEqualTo("event.screenSharedWithoutAsking");
            assertThat(spanish.get(1).at("/params/technician").asText()).isEqualTo("Lucía Gómez");
            // No language we speak, or none at all: English.
            assertThat(texts(transcript(session, "fr-FR")).get(0)).startsWith("Ana joined the session");
        }
    }

    @Test
    void aPortalThatFixesItsLanguageWinsOverThePhones() {
        server.admin().post("/api/v1/portals", "{\"slug\":\"english-only\",\"name\":\"English only\",\"language\":\"en\"}")
                .expect(201);
        String code = tech.post("/api/v1/codes", "{\"identifier\":\"Bea\",\"portal\":\"english-only\"}").expect(201)
                .json().get("code").asText();
        try (RawDevice phone = RawDevice.connect(server)) {
            phone.send(helloIn("es", code, "Bea"));
            assertThat(phone.next("welcome").get("language").asText()).isEqualTo("en");
            assertThat(phone.next("chat").get("text").asText()).isEqualTo("Bea joined the session from Samsung SM-S918B (Android 14).");
        }
    }

    @Test
    void theCustomerIsToldTheLogFilesWentToTheSupportTeamButNeverTheAddress() {
        String code = tech.createCode("Carla");
        try (RawDevice phone = RawDevice.connect(server)) {
            phone.send(helloIn("en", code, "Carla"));
            String session = phone.next("welcome").get("session").asText();
            phone.next("chat");
            tech.post("/api/v1/sessions/" + session + "/logs", "").expect(202);
            String prompt = phone.next("prompt").get("id").asText();
            phone.send("{\"type\":\"answer\",\"id\":\"" + prompt + "\",\"granted\":true}");
            phone.sendLogFile(prompt, "u1", "app.log", "a line\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            phone.send("{\"type\":\"logsDone\",\"id\":\"" + prompt + "\",\"files\":1}");
            phone.next(f -> f.path("text").asText().startsWith("Log files from Carla"), "the files arrived");

            JsonNode receipt = tech.post("/api/v1/sessions/" + session + "/logs/email",
                    "{\"to\":\"l2-support@example.com\"}").expect(202).json();
            // No mail server here: the mail waits in the outbox, and the answer says so.
            assertThat(receipt.get("status").asText()).isEqualTo("outbox");

            JsonNode line = phone.next(f -> "event.logsEmailed.customer".equals(f.path("key").asText()), "the emailed line");
            assertThat(line.get("text").asText()).isEqualTo("Lucía Gómez passed your log files on to the support team.");
            assertThat(line.toString()).doesNotContain("l2-support").doesNotContain("@example.com");
            assertThat(line.get("params").has("to")).isFalse();
            // The technicians read where the files went.
            assertThat(texts(transcript(session, "en"))).contains("Lucía Gómez emailed the log files (1) to l2-support@example.com.");
        }
    }
}
