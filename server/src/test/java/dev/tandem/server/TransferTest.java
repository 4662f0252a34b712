package dev.tandem.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.server.testing.Api;
import dev.tandem.server.testing.EventSocket;
import dev.tandem.server.testing.RawDevice;
import dev.tandem.server.testing.RunningServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Issue 18.2, transfer and collaborate, through the real doors (REST, the phone's socket, the
 * consoles' sockets): a transfer in the middle of a chat loses nothing and the customer is told in
 * their language; two technicians on one session see the same messages in the same order; control
 * of the phone is held by one technician and passed explicitly; who may do what; availability and
 * the Requests panel offering a request to available technicians first.
 */
class TransferTest {

    @Test
    void aTransferMidChatLosesNothingAndTheCustomerIsToldInTheirLanguage() throws Exception {
        try (RunningServer server = RunningServer.start(); RawDevice phone = RawDevice.connect(server)) {
            Api rosa = server.technician("rosa");
            Api marco = server.technician("marco");
            phone.send(RawDevice.hello(rosa.createCode("t1"), "Ana", "samsung")
                    .replace("\"lastSeq\":0}", "\"language\":\"es\",\"lastSeq\":0}"));
            String session = phone.next("welcome").get("session").asText();
            rosa.post("/api/v1/sessions/" + session + "/messages", "{\"text\":\"Hola Ana\"}").expect(201);

            // The customer keeps writing while the session changes hands.
            int lines = 40;
            CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
                for (int i = 1; i <= lines; i++) {
                    phone.chat(i, "line " + i);
                }
            });
            JsonNode team = rosa.post("/api/v1/sessions/" + session + "/transfer",
                    "{\"technician\":\"marco\",\"note\":\"Printer driver reinstalled; still offline\"}").expect(200).json();
            writing.get();
            assertThat(team.at("/owner/username").asText()).isEqualTo("marco");
            assertThat(team.get("controlHolder").asText()).isEqualTo("marco");

            // Every line acked once; the notice and the line in Spanish come in the same stream.
            List<Long> acked = new ArrayList<>();
            List<JsonNode> notices = new ArrayList<>();
            phone.next(f -> {
                if ("ack".equals(f.path("type").asText())) {
                    assertThat(f.has("error")).isFalse();
                    acked.add(f.get("cseq").asLong());
                } else if ("transferred".equals(f.path("type").asText())
                        || "event.transferred.customer".equals(f.path("key").asText())) {
                    notices.add(f);
                }
                return acked.size() == lines && notices.size() == 2;
            }, "every ack, the notice and the transfer line");
            assertThat(acked).doesNotHaveDuplicates();
            // The line first (the transcript's order), then the notice for the app.
            assertThat(notices.get(1).get("technician").asText()).isEqualTo("marco");
            assertThat(notices.get(0).get("text").asText())
                    .isEqualTo("marco continúa este chat con usted; no se pierde nada de lo que ha escrito.");
            marco.post("/api/v1/sessions/" + session + "/messages", "{\"text\":\"Soy Marco, sigo yo\"}").expect(201);

            // The whole transcript, one order, nothing missing, read by the new technician.
            JsonNode messages = marco.get("/api/v1/sessions/" + session + "/messages").expect(200).json();
            List<Long> seqs = messages.findValues("seq").stream().map(JsonNode::asLong).toList();
            for (int i = 1; i < seqs.size(); i++) {
                assertThat(seqs.get(i)).isEqualTo(seqs.get(i - 1) + 1);
            }
            List<String> texts = messages.findValuesAsText("text");
            for (int i = 1; i <= lines; i++) {
                assertThat(texts).contains("line " + i);
            }
            assertThat(texts).contains("Hola Ana", "Soy Marco, sigo yo", "rosa transferred the session with Ana to marco.");
            assertThat(texts.indexOf("Soy Marco, sigo yo")).isGreaterThan(texts.indexOf("Hola Ana"));

            // The chat goes on with the new technician.
            assertThat(phone.chatWithText("Soy Marco, sigo yo").get("name").asText()).isEqualTo("marco");

            // The note is for the new technician (a private note), never for the customer.
            assertThat(marco.get("/api/v1/sessions/" + session + "/notes").expect(200).body())
                    .contains("Printer driver reinstalled; still offline");
            assertThat(marco.get("/api/v1/sessions/" + session).expect(200).json().at("/technician/username").asText())
                    .isEqualTo("marco");
            // The previous technician hands it over completely.
            rosa.get("/api/v1/sessions/" + session).expect(404);
            rosa.post("/api/v1/sessions/" + session + "/messages", "{\"text\":\"still here?\"}").expect(404);
            assertThat(server.admin().get("/api/v1/audit?session=" + session).body()).contains("session.transferred");
        }
    }

    @Test
    void aSessionTransferredToAQueueWaitsInTheRequestsPanelAndIsTakenAsTheSameSession() {
        try (RunningServer server = RunningServer.start(); RawDevice phone = RawDevice.connect(server)) {
            Api rosa = server.technician("rosa");
            Api marco = server.technician("marco");
            Api luis = server.technician("luis");
            String session = phone.join(rosa.createCode("tq"), "Ana").get("session").asText();
            String path = "/api/v1/sessions/" + session;
            phone.chat(1, "line 1");
            phone.next("ack");

            rosa.post(path + "/transfer", "{\"portal\":\"default\",\"note\":\"Needs someone who knows printers\"}")
                    .expect(202);
            assertThat(phone.next(f -> "event.queued.customer".equals(f.path("key").asText()), "queue line")
                    .get("text").asText()).isEqualTo("Another technician will continue this chat with you shortly; please stay here.");
            assertThat(rosa.post(path + "/transfer", "{\"portal\":\"default\"}").errorCode()).isEqualTo("already_on_session");
            assertThat(rosa.post(path + "/transfer", "{\"portal\":\"nowhere\"}").status()).isEqualTo(404);
            // It waits in the portal's line as a request that names the session; rosa keeps it meanwhile.
            JsonNode waiting = null;
            for (JsonNode r : marco.get("/api/v1/requests").expect(200).json()) {
                if (session.equals(r.path("session").asText())) {
                    waiting = r;
                }
            }
            assertThat(waiting).isNotNull();
            assertThat(waiting.get("status").asText()).isEqualTo("waiting");
            assertThat(waiting.get("description").asText()).isEqualTo("Needs someone who knows printers");
            rosa.post(path + "/messages", "{\"text\":\"Someone will be with you soon\"}").expect(201);

            // Taking it is a transfer of the same session: same transcript, the customer told.
            String taken = marco.post("/api/v1/requests/" + waiting.get("id").asText() + "/accept", "").expect(200)
                    .json().get("session").asText();
            assertThat(taken).isEqualTo(session);
            assertThat(phone.next("transferred").get("technician").asText()).isEqualTo("marco");
            assertThat(marco.get(path + "/messages").json().findValuesAsText("text"))
                    .contains("line 1", "Someone will be with you soon");
            assertThat(marco.get(path + "/notes").body()).contains("Needs someone who knows printers");
            rosa.get(path).expect(404);
            assertThat(luis.post("/api/v1/requests/" + waiting.get("id").asText() + "/accept", "").status()).isEqualTo(409);

            // Back to the queue, taken through the session's own call (the way that works on any node).
            luis.post(path + "/claim", "").expect(404);
            marco.post(path + "/transfer", "{\"portal\":\"default\"}").expect(202);
            assertThat(luis.post(path + "/claim", "").expect(200).json().at("/owner/username").asText()).isEqualTo("luis");
            assertThat(server.admin().get("/api/v1/audit").body()).contains("session.queued");
        }
    }

    @Test
    void aQueuedSessionThatEndsLeavesTheRequestsPanel() {
        try (RunningServer server = RunningServer.start(); RawDevice phone = RawDevice.connect(server)) {
            Api rosa = server.technician("rosa");
            Api marco = server.technician("marco");
            String session = phone.join(rosa.createCode("tq"), "Ana").get("session").asText();
            rosa.post("/api/v1/sessions/" + session + "/transfer", "{\"portal\":\"default\"}").expect(202);
            assertThat(marco.get("/api/v1/requests").expect(200).json().findValuesAsText("session")).contains(session);

            rosa.post("/api/v1/sessions/" + session + "/end", "").expect(200);
            assertThat(marco.get("/api/v1/requests").expect(200).json().findValuesAsText("session"))
                    .as("nobody is offered a session that is over").doesNotContain(session);
            marco.post("/api/v1/sessions/" + session + "/claim", "").expect(404);
        }
    }

    @Test
    void twoTechniciansSeeTheSameMessagesInTheSameOrder() throws Exception {
        try (RunningServer server = RunningServer.start(); RawDevice phone = RawDevice.connect(server)) {
            Api rosa = server.technician("rosa");
            Api marco = server.technician("marco");
            String session = phone.join(rosa.createCode("t2"), "Ana").get("session").asText();
            try (EventSocket rosaConsole = EventSocket.console(server.wsUrl(""), rosa.token());
                 EventSocket marcoConsole = EventSocket.console(server.wsUrl(""), marco.token())) {
                marco.get("/api/v1/sessions/" + session).expect(404);
                JsonNode team = rosa.post("/api/v1/sessions/" + session + "/helpers", "{\"technician\":\"marco\"}")
                        .expect(201).json();
                assertThat(team.at("/helpers/0/username").asText()).isEqualTo("marco");
                assertThat(team.get("controlHolder").asText()).isEqualTo("rosa");
                assertThat(phone.next("technicianJoined").get("technician").asText()).isEqualTo("marco");
                // The helper now sees the session, its history and its live events.
                assertThat(marco.get("/api/v1/sessions").body()).contains(session);
                assertThat(marcoConsole.next("team").at("/team/helpers/0/username").asText()).isEqualTo("marco");

                for (int i = 1; i <= 10; i++) {
                    phone.chat(i, "customer " + i);
                    rosa.post("/api/v1/sessions/" + session + "/messages", "{\"text\":\"rosa " + i + "\"}").expect(201);
                    marco.post("/api/v1/sessions/" + session + "/messages", "{\"text\":\"marco " + i + "\"}").expect(201);
                }
                List<String> seenByRosa = messages(rosaConsole, session, 30);
                List<String> seenByMarco = messages(marcoConsole, session, 30);
                assertThat(seenByMarco).hasSize(30).isEqualTo(seenByRosa);
                assertThat(marco.get("/api/v1/sessions/" + session + "/messages").json().findValuesAsText("text"))
                        .isEqualTo(rosa.get("/api/v1/sessions/" + session + "/messages").json().findValuesAsText("text"));

                // The helper leaves: the customer is told, the session is no longer theirs to see.
                rosa.post("/api/v1/sessions/" + session + "/leave", "{\"technician\":\"marco\"}").expect(200);
                assertThat(phone.next("technicianLeft").get("technician").asText()).isEqualTo("marco");
                marco.get("/api/v1/sessions/" + session).expect(404);
            }
        }
    }

    /** The next {@code count} message events of {@code session}, as "seq text". */
    private static List<String> messages(EventSocket console, String session, int count) {
        List<String> seen = new ArrayList<>();
        while (seen.size() < count) {
            JsonNode event = console.next(f -> "message".equals(f.path("type").asText())
                    && session.equals(f.path("session").asText())
                    && !"system".equals(f.at("/message/sender").asText()), "message");
            seen.add(event.at("/message/seq").asLong() + " " + event.at("/message/text").asText());
        }
        return seen;
    }

    @Test
    void controlIsHeldByOneTechnicianAndPassedExplicitly() {
        try (RunningServer server = RunningServer.start(); RawDevice phone = RawDevice.connect(server)) {
            Api rosa = server.technician("rosa");
            Api marco = server.technician("marco");
            String session = phone.join(rosa.createCode("t3"), "Ana").get("session").asText();
            String path = "/api/v1/sessions/" + session;
            rosa.post(path + "/helpers", "{\"technician\":\"marco\"}").expect(201);

            // The helper cannot take control, nor pass it: rosa holds it.
            Api.Response taken = marco.post(path + "/screen", "{\"control\":true}");
            assertThat(taken.status()).isEqualTo(409);
            assertThat(taken.errorCode()).isEqualTo("not_control_holder");
            assertThat(marco.post(path + "/control", "{\"technician\":\"marco\"}").errorCode())
                    .isEqualTo("not_control_holder");

            rosa.post(path + "/screen", "{\"control\":true}").expect(202);
            JsonNode passed = rosa.post(path + "/control", "{\"technician\":\"marco\"}").expect(200).json();
            assertThat(passed.get("controlHolder").asText()).isEqualTo("marco");
            assertThat(marco.get(path + "/team").expect(200).json().get("controlHolder").asText()).isEqualTo("marco");
            // Now rosa is the one refused, and marco passes it back.
            assertThat(rosa.post(path + "/screen", "{\"control\":true}").errorCode()).isEqualTo("not_control_holder");
            assertThat(rosa.post(path + "/control", "{\"technician\":\"rosa\"}").errorCode()).isEqualTo("not_control_holder");
            marco.post(path + "/control", "{\"technician\":\"rosa\"}").expect(200);
            assertThat(rosa.get(path + "/team").json().get("controlHolder").asText()).isEqualTo("rosa");
            // Only someone on the session can hold it.
            server.technician("luis");
            assertThat(rosa.post(path + "/control", "{\"technician\":\"luis\"}").errorCode()).isEqualTo("not_on_session");
            // A helper who held control and leaves gives it back to the owner.
            rosa.post(path + "/control", "{\"technician\":\"marco\"}").expect(200);
            marco.post(path + "/leave", "{}").expect(200);
            assertThat(rosa.get(path + "/team").json().get("controlHolder").asText()).isEqualTo("rosa");
            List<String> lines = rosa.get(path + "/messages").json().findValuesAsText("text");
            assertThat(lines).contains("rosa passed control of the phone to marco.", "marco passed control of the phone to rosa.");
        }
    }

    @Test
    void onlyTheSessionsTechniciansAndAdministratorsTransferInviteOrPassControl() {
        try (RunningServer server = RunningServer.start(); RawDevice phone = RawDevice.connect(server)) {
            Api rosa = server.technician("rosa");
            Api marco = server.technician("marco");
            Api luis = server.technician("luis");
            Api admin = server.admin();
            String session = phone.join(rosa.createCode("t4"), "Ana").get("session").asText();
            String path = "/api/v1/sessions/" + session;

            // Someone not on the session learns nothing and changes nothing.
            luis.post(path + "/transfer", "{\"technician\":\"luis\"}").expect(404);
            luis.post(path + "/helpers", "{\"technician\":\"luis\"}").expect(404);
            luis.post(path + "/control", "{\"technician\":\"luis\"}").expect(404);
            luis.get(path + "/team").expect(404);
            // Bad input: a clear code, never a Java name.
            assertThat(rosa.post(path + "/transfer", "{\"technician\":\"nobody\"}").errorCode()).isEqualTo("unknown_technician");
            assertThat(rosa.post(path + "/transfer", "{\"technician\":\"rosa\"}").errorCode()).isEqualTo("already_on_session");
            assertThat(rosa.post(path + "/transfer", "{}").errorCode()).isEqualTo("bad_input");
            luis.put("/api/v1/availability", "{\"status\":\"away\"}").expect(200);
            Api.Response away = rosa.post(path + "/transfer", "{\"technician\":\"luis\"}");
            assertThat(away.errorCode()).isEqualTo("technician_away");
            assertThat(away.errorMessage()).isEqualTo("luis is away; choose a technician who is available or busy.");
            assertThat(rosa.post(path + "/helpers", "{\"technician\":\"luis\"}").errorCode()).isEqualTo("technician_away");
            rosa.post(path + "/helpers", "{\"technician\":\"marco\"}").expect(201);
            assertThat(rosa.post(path + "/helpers", "{\"technician\":\"marco\"}").errorCode()).isEqualTo("already_on_session");
            // An administrator may do all of it without being on the session.
            admin.post(path + "/control", "{\"technician\":\"marco\"}").expect(200);
            assertThat(admin.post(path + "/transfer", "{\"technician\":\"marco\"}").expect(200).json()
                    .at("/owner/username").asText()).isEqualTo("marco");
            // The new owner was the helper: they are the owner only now, and hold control.
            JsonNode team = marco.get(path + "/team").expect(200).json();
            assertThat(team.get("helpers")).isEmpty();
            assertThat(team.get("controlHolder").asText()).isEqualTo("marco");
        }
    }

    @Test
    void availabilityIsSeenByEveryoneAndRequestsAreOfferedToAvailableTechniciansFirst() {
        try (RunningServer server = RunningServer.start()) {
            Api rosa = server.technician("rosa");
            Api marco = server.technician("marco");
            assertThat(rosa.put("/api/v1/availability", "{\"status\":\"lunch\"}").errorCode()).isEqualTo("bad_input");
            marco.put("/api/v1/availability", "{\"status\":\"busy\"}").expect(200);
            JsonNode list = rosa.get("/api/v1/availability").expect(200).json();
            assertThat(statusOf(list, "marco")).isEqualTo("busy");
            assertThat(statusOf(list, "rosa")).isEqualTo("available");

            String first = request(server, "Ana");
            Api.Response early = marco.post("/api/v1/requests/" + first + "/accept", "");
            assertThat(early.status()).isEqualTo(409);
            assertThat(early.errorCode()).isEqualTo("offered_to_available_first");
            // Once the request has waited its 30 seconds, anyone may take it.
            server.clock().advance(Duration.ofSeconds(31));
            marco.post("/api/v1/requests/" + first + "/accept", "").expect(200);

            // An available technician takes a new one at once.
            rosa.post("/api/v1/requests/" + request(server, "Berta") + "/accept", "").expect(200);
            // When nobody is available, nobody waits.
            rosa.put("/api/v1/availability", "{\"status\":\"away\"}").expect(200);
            server.admin().put("/api/v1/availability", "{\"status\":\"busy\"}").expect(200);
            marco.post("/api/v1/requests/" + request(server, "Carla") + "/accept", "").expect(200);
            assertThat(server.admin().get("/api/v1/audit").body()).contains("technician.availability");
        }
    }

    private static String statusOf(JsonNode list, String username) {
        for (JsonNode entry : list) {
            if (username.equals(entry.get("username").asText())) {
                return entry.get("status").asText();
            }
        }
        throw new AssertionError(username + " is not in " + list);
    }

    private static String request(RunningServer server, String name) {
        return server.api().post("/api/v1/portals/default/requests",
                "{\"name\":\"" + name + "\",\"description\":\"The printer is offline\"}").expect(201).json()
                .get("id").asText();
    }
}
