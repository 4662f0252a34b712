package dev.tandem.server.records;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.server.testing.Api;
import dev.tandem.server.testing.EventSocket;
import dev.tandem.server.testing.RawDevice;
import dev.tandem.server.testing.RunningServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Private session notes through the REST API and the real sockets, run on every database Tandem
 * supports (the subclasses): written on a live or ended session by whoever may see it, pushed to
 * those technicians' consoles, kept in the history and the CSV's last column, audited without their
 * text, and never sent to the customer's phone nor made part of the transcript.
 */
abstract class SessionNotesContract {
    private static final String NOTE = "Customer sounds upset; printer model HP 4100, warranty ended.";
    private RunningServer server;
    private Api admin;
    private Api lucia;
    private Api marco;

    abstract RunningServer start();

    @BeforeEach
    void startServer() {
        server = start();
        admin = server.admin();
        lucia = server.technician("lucia");
        marco = server.technician("marco");
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void aNoteReachesTheTechniciansWhoSeeTheSessionAndNeverThePhone() {
        try (RawDevice phone = RawDevice.connect(server);
             EventSocket luciasConsole = EventSocket.console(server.wsUrl(""), lucia.token())) {
            JsonNode welcome = phone.join(lucia.createCode("Notes"), "Ana");
            String session = welcome.get("session").asText();
            String notes = "/api/v1/sessions/" + session + "/notes";

            JsonNode note = lucia.post(notes, "{\"text\":\"  " + NOTE + "\\n\"}").expect(201).json();
            assertThat(note.get("text").asText()).isEqualTo(NOTE);
            assertThat(note.get("author").asText()).isEqualTo("lucia");
            JsonNode event = luciasConsole.next("note");
            assertThat(event.get("session").asText()).isEqualTo(session);
            assertThat(event.at("/note/id").asLong()).isEqualTo(note.get("id").asLong());

            // The technician's next message is the phone's next frame after the note: nothing between
            // them (a chat line, a notice, anything) carried the note's text.
            lucia.post("/api/v1/sessions/" + session + "/messages", "{\"text\":\"after the note\"}").expect(201);
            List<String> seen = new ArrayList<>();
            phone.next(frame -> {
                seen.add(frame.toString());
                return "after the note".equals(frame.path("text").asText());
            }, "the chat line after the note");
            assertThat(seen).noneSatisfy(frame -> assertThat(frame).contains("HP 4100"));
            assertThat(lucia.get("/api/v1/sessions/" + session + "/messages").expect(200).body()).doesNotContain("HP 4100");

            // Only who may see the session reads or writes its notes; another technician is told it is not there.
            assertThat(marco.get(notes).status()).isEqualTo(404);
            assertThat(marco.post(notes, "{\"text\":\"sneaky\"}").status()).isEqualTo(404);
            // The customer's own secret opens nothing here either.
            assertThat(server.api().withToken(welcome.get("resumeToken").asText()).get(notes).status()).isEqualTo(401);
            assertThat(admin.get(notes).expect(200).json().findValuesAsText("text")).containsExactly(NOTE);
            admin.post(notes, "{\"text\":\"Escalated to the printer team.\"}").expect(201);
            assertThat(luciasConsole.next("note").at("/note/author").asText()).isEqualTo("admin");
        }
    }

    @Test
    void notesOfAnEndedSessionAreKeptInTheHistoryTheCsvAndTheAuditTrail() throws Exception {
        String session;
        try (RawDevice phone = RawDevice.connect(server)) {
            session = phone.join(lucia.createCode("Ended"), "Ana").get("session").asText();
            lucia.post("/api/v1/sessions/" + session + "/notes", "{\"text\":\"first, while live\"}").expect(201);
            lucia.post("/api/v1/sessions/" + session + "/end", "").expect(200);
        }
        lucia.post("/api/v1/sessions/" + session + "/notes", "{\"text\":\"=SUM(1,2) after it ended\"}").expect(201);
        Api.Response empty = lucia.post("/api/v1/sessions/" + session + "/notes", "{\"text\":\" \"}");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.errorCode()).isEqualTo("empty_message");
        assertThat(lucia.post("/api/v1/sessions/" + session + "/notes", "{\"text\":\"" + "x".repeat(4001) + "\"}")
                .errorCode()).isEqualTo("message_too_long");

        JsonNode history = lucia.get("/api/v1/sessions/" + session + "/history").expect(200).json();
        assertThat(history.get("notes").findValuesAsText("text")).containsExactly("first, while live",
                "=SUM(1,2) after it ended");
        assertThat(history.get("transcript").toString()).doesNotContain("while live");

        String csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.baseUrl()
                        + "/api/v1/history.csv")).header("Authorization", "Bearer " + lucia.token()).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(csv).startsWith("id,code,portal,technician,customer,device,started,ended,duration_s,status,"
                + "ended_by,messages,notes\r\n");
        String row = csv.substring(csv.indexOf(session));
        assertThat(row).as("one quoted cell, a line per note, the columns before it unchanged")
                .containsPattern(",ended,technician,\\d+,\"\\S+ lucia: first, while live\\n\\S+ lucia: =SUM\\(1,2\\) after it ended\"\r\n");
        assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.baseUrl()
                        + "/api/v1/history.csv")).header("Authorization", "Bearer " + marco.token()).build(),
                HttpResponse.BodyHandlers.ofString()).body()).doesNotContain("while live");

        JsonNode audit = admin.get("/api/v1/audit?action=note.added&session=" + session).expect(200).json();
        assertThat(audit.findValuesAsText("actor")).containsExactly("lucia", "lucia");
        assertThat(audit.toString()).doesNotContain("while live");
    }
}
