package dev.tandem.device.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.agent.testing.WriteDemandWatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * A real WebSocket server on a free loopback port standing in for the Tandem server in command-line
 * tests: it hands the test each frame the phone sends and sends what the test scripts.
 */
final class TandemPeer extends WebSocketServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long WAIT_MILLIS = 5_000;

    private final CountDownLatch started = new CountDownLatch(1);
    private final WriteDemandWatch writes = WriteDemandWatch.on(this);
    private final BlockingQueue<WebSocket> sockets = new LinkedBlockingQueue<>();
    private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    private volatile WebSocket socket;

    private TandemPeer() {
        super(new InetSocketAddress("127.0.0.1", 0), 1);
        setReuseAddr(true);
        setConnectionLostTimeout(0);
        setDaemon(true);
    }

    static TandemPeer open() throws InterruptedException {
        TandemPeer peer = new TandemPeer();
        peer.start();
        assertThat(peer.started.await(5, TimeUnit.SECONDS)).isTrue();
        return peer;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + getPort();
    }

    /** Waits for the phone's hello on a new connection and returns it. */
    JsonNode awaitHello() throws InterruptedException {
        socket = sockets.poll(WAIT_MILLIS, TimeUnit.MILLISECONDS);
        assertThat(socket).as("the phone connected").isNotNull();
        return expect("hello");
    }

    /** Waits for the hello and lets the phone in as session s_1 with technician Bob. */
    void welcome() throws InterruptedException {
        awaitHello();
        send(message("welcome").put("version", 1).put("session", "s_1").put("resumeToken", "tok-1")
                .put("technician", "Bob").put("portal", "default").put("language", "en")
                .put("heartbeatSeconds", 15).put("lastCseq", 0));
    }

    JsonNode expect(String type) throws InterruptedException {
        JsonNode frame = frames.poll(WAIT_MILLIS, TimeUnit.MILLISECONDS);
        assertThat(frame).as("a '%s' frame from the phone", type).isNotNull();
        assertThat(frame.path("type").asText()).as("type of %s", frame).isEqualTo(type);
        return frame;
    }

    void send(ObjectNode message) {
        socket.send(message.toString());
    }

    void chat(long seq, String sender, String name, String text) {
        send(message("chat").put("seq", seq).put("sender", sender).put("name", name).put("text", text)
                .put("at", "2026-11-24T20:00:00Z"));
    }

    void prompt(String id, String kind, String text) {
        send(message("prompt").put("id", id).put("kind", kind).put("text", text));
    }

    void end(String by, String reason) {
        ObjectNode end = message("end").put("by", by);
        if (reason != null) {
            end.put("reason", reason);
        }
        send(end);
        socket.close(1000, "");
    }

    /** Refuses the phone's hello the way the server does: a close code and a sentence. */
    void refuse(int code, String reason) throws InterruptedException {
        awaitHello();
        socket.close(code, reason);
    }

    static ObjectNode message(String type) {
        return JSON.createObjectNode().put("type", type);
    }

    static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void onStart() {
        started.countDown();
    }

    @Override
    public void onOpen(WebSocket connection, ClientHandshake handshake) {
        sockets.add(connection);
    }

    @Override
    public void onMessage(WebSocket connection, String message) {
        frames.add(parse(message));
    }

    @Override
    public void onClose(WebSocket connection, int code, String reason, boolean remote) {
    }

    @Override
    public void onError(WebSocket connection, Exception error) {
    }

    @Override
    public void close() throws InterruptedException {
        writes.close();
        stop(1000);
    }
}
