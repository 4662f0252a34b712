package dev.tandem.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.server.testing.Api;
import dev.tandem.server.testing.RawDevice;
import dev.tandem.server.testing.RunningServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The agent socket: malformed frames, handshake rules, reconnect without loss or doubling, restart. */
class AgentProtocolTest {
    static RunningServer server;
    static Api tech;

    @BeforeAll
    static void start() {
        server = RunningServer.start();
        tech = server.technician("bob");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void malformedFramesCloseOnlyTheSocketThatSentThem() {
        String code = tech.createCode("bystander");
        try (RawDevice good = RawDevice.connect(server)) {
            String id = good.join(code, "Ana").get("session").asText();
            for (String frame : new String[] {"not json", "[1,2,3]", "{\"type\":\"chat\",\"cseq\":1,\"text\":\"hi\"}",
                    "{\"type\":\"warp\"}", "{\"type\":\"hello\",\"version\":99,\"code\":\"123456789\"}"}) {
                try (RawDevice bad = RawDevice.connect(server)) {
                    bad.send(frame);
                    int close = bad.awaitClose();
                    assertThat(close).as(frame).isIn(4000, 4001);
                    assertThat(bad.closeReason()).as(frame).isNotBlank();
                }
            }
            try (RawDevice binary = RawDevice.connect(server)) {
                binary.sendBinary(new byte[] {1, 2, 3});
                assertThat(binary.awaitClose()).isEqualTo(4000);
            }
            try (RawDevice huge = RawDevice.connect(server)) {
                huge.send("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(70_000) + "\"}");
                assertThat(huge.awaitClose()).isIn(1009, 4000);
            }
            good.chat(1, "still here");
            assertThat(good.next("ack").get("seq").asLong()).isPositive();
            assertThat(tech.get("/api/v1/sessions/" + id).json().get("customerConnected").asBoolean()).isTrue();
        }
    }

    @Test
    void wronglyTypedFramesCloseWith4000AndASentenceThatNamesNoJavaClass() {
        String code = tech.createCode("typed wrong");
        try (RawDevice joined = RawDevice.connect(server)) {
            joined.join(code, "Ana");
            joined.send("{\"type\":\"chat\",\"cseq\":1,\"text\":{\"a\":1}}");
            assertThat(joined.awaitClose()).isEqualTo(4000);
            assertThat(joined.closeReason()).isEqualTo("The field \"text\" of the frame has the wrong type or value.");
        }
        for (String frame : new String[] {"{\"type\":\"hello\",\"version\":\"one\",\"code\":\"123456789\"}",
                "{\"type\":\"hello\",\"version\":1,\"code\":[1]}", "{\"type\":5}", "{}", "\"text\"", "{\"type\":\"chat\",",
                "{\"type\":\"hello\",\"version\":1,\"device\":\"phone\"}", "{\"type\":\"chat\",\"cseq\":1e400}",
                "{\"type\":\"logChunk\",\"upload\":{},\"index\":\"x\"}"}) {
            try (RawDevice bad = RawDevice.connect(server)) {
                bad.send(frame);
                assertThat(bad.awaitClose()).as(frame).isEqualTo(4000);
                assertThat(bad.closeReason()).as(frame).matches("[A-Z][^\\n]*\\.")
                        .doesNotContain("java.", "dev.tandem", "JsonToken", "com.fasterxml", "Exception", "`");
            }
        }
    }

    @Test
    void aSecondHelloOnAJoinedSocketIsMalformed() {
        String code = tech.createCode("twice");
        try (RawDevice device = RawDevice.connect(server)) {
            device.join(code, "Ana");
            device.send(RawDevice.hello(code, "Ana", "samsung"));
            assertThat(device.awaitClose()).isEqualTo(4000);
        }
    }

    @Test
    void anEmptyNameIsRefused() {
        String code = tech.createCode("nameless");
        try (RawDevice device = RawDevice.connect(server)) {
            device.send(RawDevice.hello(code, "   ", "samsung"));
            assertThat(device.awaitClose()).isEqualTo(4000);
            assertThat(device.closeReason()).contains("name");
        }
    }

    @Test
    void aDroppedDeviceResumesAndLosesNothingAndDoublesNothing() {
        String code = tech.createCode("flaky network");
        String session;
        String token;
        long lastSeen;
        try (RawDevice device = RawDevice.connect(server)) {
            JsonNode welcome = device.join(code, "Ana");
            session = welcome.get("session").asText();
            token = welcome.get("resumeToken").asText();
            device.chat(1, "first");
            lastSeen = device.next("ack").get("seq").asLong();
            device.chat(2, "second, sent just before the drop");
            device.next("ack");
            device.drop();
        }
        awaitDisconnected(session);
        tech.post("/api/v1/sessions/" + session + "/messages", "{\"text\":\"while you were away 1\"}").expect(201);
        tech.post("/api/v1/sessions/" + session + "/messages", "{\"text\":\"while you were away 2\"}").expect(201);

        try (RawDevice back = RawDevice.connect(server)) {
            back.send(RawDevice.resume(session, token, lastSeen));
            JsonNode welcome = back.next("welcome");
            assertThat(welcome.get("lastCseq").asLong()).isEqualTo(2);
            assertThat(back.chatWithText("second, sent just before the drop").get("seq").asLong()).isGreaterThan(lastSeen);
            back.chatWithText("while you were away 1");
            back.chatWithText("while you were away 2");
            back.chat(2, "second, sent just before the drop");
            assertThat(back.next("ack").get("cseq").asLong()).isEqualTo(2);
            back.chat(3, "third");
            back.next(f -> "ack".equals(f.path("type").asText()) && f.path("cseq").asLong() == 3, "ack 3");
        }
        JsonNode transcript = tech.get("/api/v1/sessions/" + session + "/messages").json();
        assertThat(transcript.findValuesAsText("text")).filteredOn(t -> t.startsWith("second")).hasSize(1);
        assertThat(transcript.findValuesAsText("text")).containsSubsequence("first", "second, sent just before the drop",
                "while you were away 1", "while you were away 2", "third");
    }

    @Test
    void aWrongResumeTokenIsRejected() {
        String code = tech.createCode("hijack");
        try (RawDevice device = RawDevice.connect(server); RawDevice thief = RawDevice.connect(server)) {
            String session = device.join(code, "Ana").get("session").asText();
            thief.send(RawDevice.resume(session, "guessed-token", 0));
            assertThat(thief.awaitClose()).isEqualTo(4014);
        }
    }

    @Test
    void aResumedSessionReplacesTheOldSocket() {
        String code = tech.createCode("two sockets");
        try (RawDevice first = RawDevice.connect(server); RawDevice second = RawDevice.connect(server)) {
            JsonNode welcome = first.join(code, "Ana");
            second.send(RawDevice.resume(welcome.get("session").asText(), welcome.get("resumeToken").asText(), 0));
            second.next("welcome");
            assertThat(first.awaitClose()).isEqualTo(4020);
        }
    }

    @Test
    void sessionsSurviveAServerRestartAndTheDeviceResumes() {
        try (RunningServer own = RunningServer.start()) {
            Api bob = own.technician("bob");
            String code = bob.createCode("restart");
            String session;
            String token;
            try (RawDevice device = RawDevice.connect(own)) {
                JsonNode welcome = device.join(code, "Ana");
                session = welcome.get("session").asText();
                token = welcome.get("resumeToken").asText();
                device.chat(1, "before the restart");
                device.next("ack");
                own.restart();
                assertThat(device.awaitClose()).isIn(1001, 1006);
            }
            Api again = own.api().signIn("bob", RunningServer.password("bob"));
            assertThat(again.get("/api/v1/sessions/" + session).json().get("status").asText()).isEqualTo("active");
            try (RawDevice device = RawDevice.connect(own)) {
                device.send(RawDevice.resume(session, token, 0));
                assertThat(device.next("welcome").get("lastCseq").asLong()).isEqualTo(1);
                device.chatWithText("before the restart");
                again.post("/api/v1/sessions/" + session + "/messages", "{\"text\":\"after the restart\"}").expect(201);
                device.chatWithText("after the restart");
            }
        }
    }

    @Test
    void theServerAnswersPings() {
        String code = tech.createCode("ping");
        try (RawDevice device = RawDevice.connect(server)) {
            device.join(code, "Ana");
            device.send("{\"type\":\"ping\"}");
            device.next("pong");
        }
    }

    private static void awaitDisconnected(String session) {
        long deadline = System.currentTimeMillis() + 5_000;
        while (System.currentTimeMillis() < deadline) {
            if (!tech.get("/api/v1/sessions/" + session).json().get("customerConnected").asBoolean()) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("The server did not notice the dropped device");
    }
}
