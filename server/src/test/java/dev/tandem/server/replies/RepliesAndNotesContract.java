package dev.tandem.server.replies;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.server.testing.Api;
import dev.tandem.server.testing.EventSocket;
import dev.tandem.server.testing.RawDevice;
import dev.tandem.server.testing.RunningServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Canned replies and private session notes (issue 18) through the REST API and the real sockets, run
 * on every database Tandem supports (the subclasses). A personal reply is its technician's alone, a
 * portal's shared replies are read by every technician and changed by administrators; shortcuts are
 * unique per scope; every change is audited and tells the consoles that should reload. A note is
 * written on a live or ended session by whoever may see it, pushed to those technicians' consoles,
 * kept in the history and the CSV's last column, audited without its text, and never sent to the
 * customer's phone nor made part of the transcript.
 */
abstract class RepliesAndNotesContract {
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
    void aPersonalReplyIsItsTechniciansAloneAndItsShortcutIsUniqueAmongThem() {
        JsonNode greet = lucia.post("/api/v1/replies", "{\"shortcut\":\"/Greet\",\"text\":\"Hola, soy Lucía. ¿En qué le ayudo?\"}")
                .expect(201).json();
        assertThat(greet.get("scope").asText()).isEqualTo("personal");
        assertThat(greet.get("portal").isNull()).isTrue();
        assertThat(greet.get("shortcut").asText()).as("kept in lower case, without the slash").isEqualTo("greet");
        assertThat(greet.get("updatedBy").asText()).isEqualTo("lucia");
        String path = "/api/v1/replies/" + greet.get("id").asLong();

        assertThat(lucia.get("/api/v1/replies").expect(200).json().findValuesAsText("text"))
                .containsExactly("Hola, soy Lucía. ¿En qué le ayudo?");
        assertThat(marco.get("/api/v1/replies").expect(200).json()).isEmpty();
        assertThat(admin.get("/api/v1/replies").expect(200).json()).isEmpty();
        // Nobody else reaches it, administrators included: the same 404 as a reply that does not exist.
        assertThat(marco.put(path, "{\"text\":\"mine now\"}").status()).isEqualTo(404);
        assertThat(admin.delete(path).status()).isEqualTo(404);
        assertThat(marco.delete("/api/v1/replies/not-a-number").status()).isEqualTo(404);

        Api.Response twice = lucia.post("/api/v1/replies", "{\"shortcut\":\"greet\",\"text\":\"again\"}");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.errorCode()).isEqualTo("shortcut_taken");
        assertThat(twice.errorMessage()).contains("/greet");
        // Another technician's replies are another scope.
        marco.post("/api/v1/replies", "{\"shortcut\":\"greet\",\"text\":\"Hi, Marco here.\"}").expect(201);

        JsonNode changed = lucia.put(path, "{\"text\":\"Buenos días, soy Lucía.\"}").expect(200).json();
        assertThat(changed.get("shortcut").asText()).as("what is left out stays").isEqualTo("greet");
        assertThat(changed.get("text").asText()).isEqualTo("Buenos días, soy Lucía.");
        lucia.delete(path).expect(204);
        assertThat(lucia.get("/api/v1/replies").json()).isEmpty();
        assertThat(lucia.delete(path).status()).isEqualTo(404);
    }

    @Test
    void badShortcutsAndTextsAreRefusedWithASentence() {
        Api.Response spaced = lucia.post("/api/v1/replies", "{\"shortcut\":\"two words\",\"text\":\"x\"}");
        assertThat(spaced.status()).isEqualTo(400);
        assertThat(spaced.errorMessage()).contains("without spaces");
        assertThat(lucia.post("/api/v1/replies", "{\"shortcut\":\"" + "a".repeat(33) + "\",\"text\":\"x\"}").status())
                .isEqualTo(400);
        Api.Response empty = lucia.post("/api/v1/replies", "{\"shortcut\":\"empty\",\"text\":\"   \"}");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.errorCode()).isEqualTo("empty_message");
        Api.Response tooLong = lucia.post("/api/v1/replies", "{\"shortcut\":\"long\",\"text\":\"" + "x".repeat(4001) + "\"}");
        assertThat(tooLong.status()).isEqualTo(413);
        assertThat(tooLong.errorCode()).isEqualTo("message_too_long");
        lucia.post("/api/v1/replies", "{\"shortcut\":\"ñandú_1.2-b\",\"text\":\"" + "x".repeat(4000) + "\"}").expect(201);
    }

    @Test
    void aPortalsRepliesAreReadByEveryTechnicianAndKeptByAdministrators() {
        JsonNode shared = admin.post("/api/v1/portals/default/replies",
                "{\"shortcut\":\"restart\",\"text\":\"Please restart the phone and tell me when it is back.\"}")
                .expect(201).json();
        assertThat(shared.get("scope").asText()).isEqualTo("portal");
        assertThat(shared.get("portal").asText()).isEqualTo("default");
        long id = shared.get("id").asLong();

        assertThat(lucia.get("/api/v1/portals/default/replies").expect(200).json().findValuesAsText("shortcut"))
                .containsExactly("restart");
        lucia.post("/api/v1/replies", "{\"shortcut\":\"restart\",\"text\":\"My own way of saying it.\"}").expect(201);
        JsonNode usable = lucia.get("/api/v1/replies").expect(200).json();
        assertThat(usable.findValuesAsText("scope")).containsExactlyInAnyOrder("personal", "portal");

        assertThat(lucia.post("/api/v1/portals/default/replies", "{\"shortcut\":\"mine\",\"text\":\"x\"}").status())
                .isEqualTo(403);
        assertThat(lucia.put("/api/v1/portals/default/replies/" + id, "{\"text\":\"x\"}").status()).isEqualTo(403);
        assertThat(lucia.delete("/api/v1/portals/default/replies/" + id).status()).isEqualTo(403);
        // A shared reply is not reachable as a personal one, nor through another portal's path.
        assertThat(admin.put("/api/v1/replies/" + id, "{\"text\":\"x\"}").status()).isEqualTo(404);
        admin.post("/api/v1/portals", "{\"name\":\"Printers\",\"slug\":\"printers\"}").expect(201);
        assertThat(admin.delete("/api/v1/portals/printers/replies/" + id).status()).isEqualTo(404);
        assertThat(lucia.get("/api/v1/portals/nowhere/replies").status()).isEqualTo(404);
        assertThat(admin.post("/api/v1/portals/default/replies", "{\"shortcut\":\"RESTART\",\"text\":\"x\"}")
                .errorCode()).isEqualTo("shortcut_taken");
        admin.post("/api/v1/portals/printers/replies", "{\"shortcut\":\"restart\",\"text\":\"Turn the printer off.\"}")
                .expect(201);

        admin.put("/api/v1/portals/default/replies/" + id, "{\"shortcut\":\"reboot\"}").expect(200);
        admin.delete("/api/v1/portals/default/replies/" + id).expect(204);
        assertThat(lucia.get("/api/v1/portals/default/replies").json()).isEmpty();

        JsonNode audit = admin.get("/api/v1/audit?action=reply").expect(200).json();
        assertThat(audit.findValuesAsText("action")).containsSubsequence("reply.created", "reply.created",
                "reply.updated", "reply.deleted");
        assertThat(audit.findValuesAsText("detail")).anySatisfy(d -> assertThat(d).contains("/reboot").contains("default"))
                .noneSatisfy(d -> assertThat(d).contains("Please restart the phone"));
    }

    @Test
    void changesReachTheConsolesThatShouldReloadAndPersonalOnesNoOtherTechnician() {
        try (EventSocket luciasConsole = EventSocket.console(server.wsUrl(""), lucia.token());
             EventSocket marcosConsole = EventSocket.console(server.wsUrl(""), marco.token())) {
            lucia.post("/api/v1/replies", "{\"shortcut\":\"bye\",\"text\":\"Thanks, goodbye!\"}").expect(201);
            JsonNode personal = luciasConsole.next("replies");
            assertThat(personal.get("scope").asText()).isEqualTo("personal");
            assertThat(personal.toString()).as("the event carries no text").doesNotContain("goodbye");

            admin.post("/api/v1/portals/default/replies", "{\"shortcut\":\"wait\",\"text\":\"One moment, please.\"}")
                    .expect(201);
            // Marco's first replies event is the portal's: Lucía's personal change never reached him.
            JsonNode first = marcosConsole.next("replies");
            assertThat(first.get("scope").asText()).isEqualTo("portal");
            assertThat(first.get("portal").asText()).isEqualTo("default");
            assertThat(luciasConsole.poll(f -> "replies".equals(f.path("type").asText())
                    && "portal".equals(f.path("scope").asText()), Duration.ofSeconds(10))).isPresent();
        }
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
    void notesOfAnEndedSessionAreKeptInTheHistoryTheCsvAndTheAuditTrail() {
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

        String csv = lucia.get("/api/v1/history.csv").expect(200).body();
        assertThat(csv).startsWith("id,code,portal,technician,customer,device,started,ended,duration_s,status,"
                + "ended_by,messages,notes,survey_rating,survey_comment\r\n");
        String row = csv.substring(csv.indexOf(session));
        assertThat(row).as("one quoted cell, a line per note, the columns before it unchanged")
                .containsPattern(",ended,technician,\\d+,\"\\S+ lucia: first, while live\\n\\S+ lucia: =SUM\\(1,2\\) after it ended\",,\r\n");
        assertThat(marco.get("/api/v1/history.csv").expect(200).body()).doesNotContain("while live");

        JsonNode audit = admin.get("/api/v1/audit?action=note.added&session=" + session).expect(200).json();
        assertThat(audit.findValuesAsText("actor")).containsExactly("lucia", "lucia");
        assertThat(audit.toString()).doesNotContain("while live");
    }
}
