package dev.tandem.server.drawings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.server.testing.Api;
import dev.tandem.server.testing.RawDevice;
import dev.tandem.server.testing.RunningServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Issue 18.7 through the real doors: a technician's pointer and strokes reach the phone as
 * {@code drawing} frames only while the customer shares the screen and shows drawings, within the
 * phone's screen, at a bounded pace per session; the first drawing is audited and told in the
 * transcript (in the reader's language), the others are not.
 */
class DrawingsTest {
    private static final String POINTER = "{\"kind\":\"pointer\",\"points\":[[540,1200]]}";
    private static final String STROKE = "{\"kind\":\"stroke\",\"points\":[[10,10],[20,30],[1079,2399]]}";

    @Test
    void drawingsReachThePhoneOnlyWhileTheScreenIsShared() {
        try (RunningServer server = RunningServer.start(); RawDevice phone = RawDevice.connect(server)) {
            Api tech = server.technician("rosa");
            String session = phone.join(tech.createCode("draw"), "Ana").get("session").asText();
            String drawings = "/api/v1/sessions/" + session + "/drawings";

            Api.Response notShared = tech.post(drawings, POINTER);
            assertThat(notShared.status()).isEqualTo(409);
            assertThat(notShared.errorCode()).isEqualTo("screen_not_shared");
            assertThat(notShared.errorMessage()).contains("only while Ana shares the screen");

            share(tech, phone, session);
            Api.Response unable = tech.post(drawings, POINTER);
            assertThat(unable.errorCode()).as("the phone has not said it can show drawings").isEqualTo("drawings_unavailable");

            phone.send("{\"type\":\"drawings\",\"hidden\":false,\"width\":1080,\"height\":2400}");
            awaitDrawings(tech, session, false);
            JsonNode sent = tech.post(drawings, POINTER).expect(202).json();
            assertThat(sent.get("kind").asText()).isEqualTo("pointer");
            // The customer reads the line first (in their language), then the phone gets the drawing.
            assertThat(phone.chatWithText("The technician is pointing at your screen. You can hide the drawings"
                    + " from the sharing notice.")).isNotNull();
            JsonNode pointer = phone.next("drawing");
            assertThat(pointer.get("kind").asText()).isEqualTo("pointer");
            assertThat(pointer.get("points").toString()).isEqualTo("[[540,1200]]");
            tech.post(drawings, STROKE).expect(202);
            JsonNode stroke = phone.next("drawing");
            assertThat(stroke.get("kind").asText()).isEqualTo("stroke");
            assertThat(stroke.get("points").toString()).isEqualTo("[[10,10],[20,30],[1079,2399]]");

            // Audited once for the session, and one line in the transcript in the reader's language.
            JsonNode audit = server.admin().get("/api/v1/audit?action=screen.drawing&session=" + session).expect(200).json();
            assertThat(audit.findValuesAsText("action")).containsExactly("screen.drawing");
            List<String> lines = tech.get("/api/v1/sessions/" + session + "/messages").json().findValuesAsText("text");
            assertThat(lines).filteredOn(l -> l.contains("pointing and drawing")).containsExactly(
                    "rosa is pointing and drawing on the screen of Ana.");
            Api.Response spanish = tech.send(tech.request("/api/v1/sessions/" + session + "/messages")
                    .header("Accept-Language", "es").GET());
            assertThat(spanish.body()).contains("rosa está señalando y dibujando en la pantalla de Ana.");

            // The customer hides them: refused with its own code, the console's screen state says so.
            phone.send("{\"type\":\"drawings\",\"hidden\":true,\"width\":1080,\"height\":2400}");
            awaitDrawings(tech, session, true);
            Api.Response hidden = tech.post(drawings, POINTER);
            assertThat(hidden.status()).isEqualTo(409);
            assertThat(hidden.errorCode()).isEqualTo("drawings_hidden");
            assertThat(hidden.errorMessage()).isEqualTo("Ana hid the drawings on the phone; they show again when the"
                    + " customer allows it.");
            assertThat(tech.get("/api/v1/sessions/" + session + "/messages").body()).contains("Ana hid the drawings.");
            phone.send("{\"type\":\"drawings\",\"hidden\":false,\"width\":1080,\"height\":2400}");
            awaitDrawings(tech, session, false);
            tech.post(drawings, POINTER).expect(202);
            phone.next("drawing");

            // Sharing stops: nothing more is passed on.
            phone.send("{\"type\":\"sharing\",\"screen\":false,\"control\":false}");
            awaitStatus(tech, session, "off");
            assertThat(tech.post(drawings, POINTER).errorCode()).isEqualTo("screen_not_shared");
            assertThat(server.admin().get("/api/v1/audit?action=screen.drawing&session=" + session).json()
                    .findValuesAsText("action")).hasSize(1);
        }
    }

    @Test
    void badDrawingsAreRefusedWithASentenceAndNothingElseIsAffected() {
        try (RunningServer server = RunningServer.start(); RawDevice phone = RawDevice.connect(server)) {
            Api tech = server.technician("rosa");
            String session = phone.join(tech.createCode("bad"), "Ana").get("session").asText();
            String drawings = "/api/v1/sessions/" + session + "/drawings";
            share(tech, phone, session);
            phone.send("{\"type\":\"drawings\",\"hidden\":false,\"width\":1080,\"height\":2400}");
            awaitDrawings(tech, session, false);

            refused(tech, drawings, "{\"kind\":\"pointer\",\"points\":[[1080,5]]}",
                    "The point (1080, 5) is outside the phone's screen (1080 x 2400 pixels).");
            refused(tech, drawings, "{\"kind\":\"stroke\",\"points\":[[1,1],[-1,5]]}",
                    "The point (-1, 5) is outside the phone's screen (1080 x 2400 pixels).");
            StringBuilder many = new StringBuilder("{\"kind\":\"stroke\",\"points\":[");
            for (int i = 0; i < 201; i++) {
                many.append(i == 0 ? "" : ",").append("[").append(i).append(",").append(i).append("]");
            }
            refused(tech, drawings, many.append("]}").toString(),
                    "A stroke has 2 to 200 points; send a longer line as several strokes.");
            refused(tech, drawings, "{\"kind\":\"stroke\",\"points\":[[1,1]]}",
                    "A stroke has 2 to 200 points; send a longer line as several strokes.");
            refused(tech, drawings, "{\"kind\":\"circle\",\"points\":[[1,1]]}",
                    "Say what to draw: \"kind\" is \"pointer\" or \"stroke\".");
            refused(tech, drawings, "{\"kind\":\"pointer\",\"points\":[[1.5,\"2\"]]}",
                    "Point 1 is not an [x, y] pair of whole pixels.");
            refused(tech, drawings, "{\"kind\":\"pointer\",\"points\":[[1,1],[2,2]]}",
                    "A pointer is one point: \"points\":[[x, y]].");

            // Nothing of it reached the phone, and the session goes on.
            tech.post("/api/v1/sessions/" + session + "/messages", "{\"text\":\"still here\"}").expect(201);
            JsonNode next = phone.next(f -> "drawing".equals(f.path("type").asText())
                    || "still here".equals(f.path("text").asText()), "the next drawing or chat");
            assertThat(next.path("type").asText()).isEqualTo("chat");
            tech.post(drawings, POINTER).expect(202);
            assertThat(phone.next("drawing").get("points").toString()).isEqualTo("[[540,1200]]");
        }
    }

    @Test
    void aFloodingTechnicianIsSlowedDownForTheirSessionOnly() throws Exception {
        try (RunningServer server = RunningServer.start(); RawDevice phone = RawDevice.connect(server);
             RawDevice other = RawDevice.connect(server)) {
            Api tech = server.technician("rosa");
            String session = phone.join(tech.createCode("flood"), "Ana").get("session").asText();
            String otherSession = other.join(tech.createCode("calm"), "Luis").get("session").asText();
            for (var pair : List.of(List.of(session, phone), List.of(otherSession, other))) {
                share(tech, (RawDevice) pair.get(1), (String) pair.get(0));
                ((RawDevice) pair.get(1)).send("{\"type\":\"drawings\",\"hidden\":false,\"width\":1080,\"height\":2400}");
                awaitDrawings(tech, (String) pair.get(0), false);
            }
            int sent = 150;
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<Api.Response>> answers = new ArrayList<>();
            try {
                for (int i = 0; i < sent; i++) {
                    answers.add(pool.submit(() -> tech.post("/api/v1/sessions/" + session + "/drawings", POINTER)));
                }
                int passed = 0;
                int slowed = 0;
                for (Future<Api.Response> answer : answers) {
                    Api.Response response = answer.get();
                    if (response.status() == 202) {
                        passed++;
                    } else {
                        assertThat(response.status()).isEqualTo(429);
                        assertThat(response.errorCode()).isEqualTo("too_many_requests");
                        assertThat(response.errorMessage()).contains("at most 30 a second");
                        slowed++;
                    }
                }
                assertThat(slowed).as("150 drawings at once are more than the bucket of 40 holds").isPositive();
                assertThat(passed).isGreaterThanOrEqualTo(DrawingRate.BURST);
            } finally {
                pool.shutdownNow();
            }
            // The other session of the same technician draws at once, and its chat goes on.
            tech.post("/api/v1/sessions/" + otherSession + "/drawings", STROKE).expect(202);
            assertThat(other.next("drawing").get("kind").asText()).isEqualTo("stroke");
            tech.post("/api/v1/sessions/" + session + "/messages", "{\"text\":\"sorry\"}").expect(201);
            assertThat(phone.chatWithText("sorry")).isNotNull();
        }
    }

    private static void refused(Api tech, String path, String body, String sentence) {
        Api.Response response = tech.post(path, body);
        assertThat(response.status()).as(body).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("bad_input");
        assertThat(response.errorMessage()).isEqualTo(sentence);
    }

    private static void share(Api tech, RawDevice phone, String session) {
        tech.post("/api/v1/sessions/" + session + "/screen", "{\"control\":false}").expect(202);
        phone.answerNextPrompt(true);
        awaitStatus(tech, session, "sharing");
    }

    private static void awaitStatus(Api tech, String session, String status) {
        await(() -> status.equals(tech.get("/api/v1/sessions/" + session + "/screen").json().path("status").asText()));
    }

    private static void awaitDrawings(Api tech, String session, boolean hidden) {
        await(() -> {
            JsonNode drawings = tech.get("/api/v1/sessions/" + session + "/screen").json().path("drawings");
            return drawings.isObject() && drawings.path("hidden").asBoolean() == hidden
                    && drawings.path("width").asInt() == 1080;
        });
    }

    private static void await(java.util.function.BooleanSupplier done) {
        long until = System.nanoTime() + 10_000_000_000L;
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("not within 10 s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
