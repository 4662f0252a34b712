package dev.tandem.agent.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.framing.CloseFrame;

/** One agent connection as the scripted server sees it: frames in as JSON, frames out as the test writes them. */
final class PeerConnection {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebSocket socket;
    private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();

    PeerConnection(WebSocket socket) {
        this.socket = socket;
    }

    void received(String frame) {
        try {
            frames.add(JSON.readTree(frame));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void closed(int code, String reason) {
        closeCode.complete(code);
    }

    /** The next frame, which must be of {@code type}. */
    JsonNode expect(String type) throws InterruptedException {
        JsonNode frame = frames.poll(ScriptedPeer.WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (frame == null) {
            fail("The agent sent no '" + type + "' frame within " + ScriptedPeer.WAIT.toSeconds() + " s");
        }
        assertThat(frame.path("type").asText()).as("type of %s", frame).isEqualTo(type);
        return frame;
    }

    void assertNothingSentWithin(Duration quiet) throws InterruptedException {
        JsonNode frame = frames.poll(quiet.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(frame).as("a frame the agent should not have sent").isNull();
    }

    /** The close code the agent's close frame carried, or 1006 when the socket just went away. */
    int awaitClose() throws Exception {
        return closeCode.get(ScriptedPeer.WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    void send(String json) {
        socket.send(json);
    }

    void send(ObjectNode message) {
        socket.send(message.toString());
    }

    void welcome(String session, String token, long lastCseq, int heartbeatSeconds) {
        send(message("welcome").put("version", 1).put("session", session).put("resumeToken", token)
                .put("technician", "Bob").put("portal", "default").put("language", "en")
                .put("heartbeatSeconds", heartbeatSeconds).put("lastCseq", lastCseq));
    }

    void chat(long seq, String sender, String name, String text) {
        send(message("chat").put("seq", seq).put("sender", sender).put("name", name).put("text", text)
                .put("at", "2026-11-24T20:00:00Z"));
    }

    void ack(long cseq, long seq) {
        send(message("ack").put("cseq", cseq).put("seq", seq));
    }

    void refuse(long cseq, String code, String text) {
        ObjectNode ack = message("ack").put("cseq", cseq);
        ack.putObject("error").put("code", code).put("message", text);
        send(ack);
    }

    void prompt(String id, String kind, String text) {
        send(message("prompt").put("id", id).put("kind", kind).put("text", text));
    }

    /** Closes with a close frame, as the server does to refuse or end. */
    void close(int code, String reason) {
        socket.close(code, reason);
    }

    /** Cuts the TCP connection without a close frame, as a dying network does. */
    void drop() {
        socket.closeConnection(CloseFrame.ABNORMAL_CLOSE, "dropped by the test");
    }

    static ObjectNode message(String type) {
        return JSON.createObjectNode().put("type", type);
    }
}
