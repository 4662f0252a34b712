package dev.tandem.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;

/**
 * A device that speaks the agent protocol frame by frame, written by hand in each test, so tests
 * can send exactly what they want (including malformed frames) and see exactly what comes back.
 */
public final class RawDevice implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    private final CompletableFuture<int[]> closed = new CompletableFuture<>();
    private volatile String closeReason;
    /** When each ping from the server arrived ({@link System#nanoTime()}). */
    public final java.util.List<Long> pingsAt = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean answerPings;
    private final WebSocketClient client;
    /** What viewers sent the phone, per stream id (the server relays RFB bytes to it in binary frames). */
    private final java.util.Map<Long, java.io.ByteArrayOutputStream> streams = new java.util.concurrent.ConcurrentHashMap<>();

    private RawDevice(URI uri) {
        client = new WebSocketClient(uri) {
            @Override
            public void onOpen(ServerHandshake handshake) {
            }

            @Override
            public void onMessage(String message) {
                try {
                    JsonNode frame = JSON.readTree(message);
                    if ("ping".equals(frame.path("type").asText())) {
                        pingsAt.add(System.nanoTime());
                        if (answerPings) {
                            send("{\"type\":\"pong\"}");
                        }
                    }
                    frames.add(frame);
                } catch (IOException e) {
                    throw new AssertionError("Server sent non-JSON: " + message, e);
                }
            }

            @Override
            public void onMessage(java.nio.ByteBuffer bytes) {
                try {
                    dev.tandem.protocol.stream.StreamFrame frame = dev.tandem.protocol.stream.StreamFrame.decode(bytes);
                    byte[] payload = new byte[frame.payload().remaining()];
                    frame.payload().get(payload);
                    java.io.ByteArrayOutputStream into = streams.computeIfAbsent(frame.stream(),
                            id -> new java.io.ByteArrayOutputStream());
                    synchronized (into) {
                        into.writeBytes(payload);
                    }
                } catch (dev.tandem.protocol.ProtocolException e) {
                    throw new AssertionError("Server sent a bad stream frame", e);
                }
            }

            @Override
            public void onClose(int code, String reason, boolean remote) {
                closeReason = reason;
                closed.complete(new int[] {code});
            }

            @Override
            public void onError(Exception ex) {
            }
        };
    }

    public static RawDevice connect(RunningServer server) {
        return connect(URI.create(server.wsUrl("/ws/agent")));
    }

    /** A device on any agent socket URL (another host spelling, such as {@code ws://[::1]:port/ws/agent}). */
    public static RawDevice connect(URI agentSocket) {
        RawDevice device = new RawDevice(agentSocket);
        try {
            if (!device.client.connectBlocking(5, TimeUnit.SECONDS)) {
                throw new AssertionError("Could not connect to " + agentSocket);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return device;
    }

    public static String hello(String code, String name, String profile) {
        boolean full = !"generic".equals(profile);
        String missing = "{\"available\":false,\"reason\":\"This phone's Tandem app is chat-only\"}";
        String yes = "{\"available\":true}";
        return "{\"type\":\"hello\",\"version\":1,\"code\":" + Api.quote(code) + ",\"customerName\":" + Api.quote(name)
                + ",\"device\":{\"manufacturer\":\"samsung\",\"model\":\"SM-S918B\",\"androidVersion\":\"14\","
                + "\"apiLevel\":34,\"profile\":\"" + profile + "\"},\"capabilities\":{\"chat\":" + yes
                + ",\"diagnostics\":" + yes + ",\"screen\":" + (full ? yes : missing) + ",\"control\":"
                + (full ? yes : missing) + "},\"lastSeq\":0}";
    }

    public static String resume(String session, String token, long lastSeq) {
        return "{\"type\":\"hello\",\"version\":1,\"resume\":{\"session\":" + Api.quote(session) + ",\"token\":"
                + Api.quote(token) + "},\"lastSeq\":" + lastSeq + "}";
    }

    /** Every byte the server relayed to this phone on {@code stream} so far. */
    public byte[] streamBytes(long stream) {
        java.io.ByteArrayOutputStream bytes = streams.get(stream);
        if (bytes == null) {
            return new byte[0];
        }
        synchronized (bytes) {
            return bytes.toByteArray();
        }
    }

    /** Joins with {@code code} and returns the welcome frame. */
    public JsonNode join(String code, String name) {
        send(hello(code, name, "samsung"));
        return next("welcome");
    }

    /** Answers the next prompt the server sends ({@code granted} or not) and returns the prompt's id. */
    public String answerNextPrompt(boolean granted) {
        String prompt = next("prompt").get("id").asText();
        send("{\"type\":\"answer\",\"id\":" + Api.quote(prompt) + ",\"granted\":" + granted + "}");
        return prompt;
    }

    /** Answers the server's pings from now on, as a live phone does (otherwise it stays silent). */
    public RawDevice answeringPings() {
        answerPings = true;
        return this;
    }

    public void send(String frame) {
        client.send(frame);
    }

    public void sendBinary(byte[] bytes) {
        client.send(bytes);
    }

    public void chat(long cseq, String text) {
        send("{\"type\":\"chat\",\"cseq\":" + cseq + ",\"text\":" + Api.quote(text) + "}");
    }

    /** Uploads {@code content} as one log file of the logs prompt {@code prompt}: logFile, one chunk, logEnd. */
    public void sendLogFile(String prompt, String upload, String name, byte[] content) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(content);
        String sha256;
        try {
            sha256 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        send("{\"type\":\"logFile\",\"id\":" + Api.quote(prompt) + ",\"upload\":" + Api.quote(upload) + ",\"name\":"
                + Api.quote(name) + ",\"size\":" + content.length + ",\"sha256\":\"" + sha256 + "\"}");
        send("{\"type\":\"logChunk\",\"upload\":" + Api.quote(upload) + ",\"index\":0,\"data\":\""
                + java.util.Base64.getEncoder().encodeToString(content) + "\",\"crc32\":" + crc.getValue() + "}");
        send("{\"type\":\"logEnd\",\"upload\":" + Api.quote(upload) + "}");
    }

    /** The next frame of {@code type}, skipping pings; fails after 5 s. */
    public JsonNode next(String type) {
        return next(f -> type.equals(f.path("type").asText()), type);
    }

    public JsonNode next(Predicate<JsonNode> wanted, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        try {
            while (System.nanoTime() < deadline) {
                JsonNode frame = frames.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (frame != null && wanted.test(frame)) {
                    return frame;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new AssertionError("No '" + what + "' frame within 5 s" + (closed.isDone() ? "; closed with "
                + closeCode() + " " + closeReason : ""));
    }

    /** The transcript entry with this text, from the chat frames the server pushed. */
    public JsonNode chatWithText(String text) {
        return next(f -> "chat".equals(f.path("type").asText()) && text.equals(f.path("text").asText()), "chat " + text);
    }

    /** Waits for the server to close the socket and returns the close code. */
    public int awaitClose() {
        try {
            return closed.get(5, TimeUnit.SECONDS)[0];
        } catch (Exception e) {
            throw new AssertionError("The server did not close the socket within 5 s", e);
        }
    }

    public int closeCode() {
        return closed.getNow(new int[] {-1})[0];
    }

    public String closeReason() { return closeReason; }

    /** Drops the TCP connection without a close handshake, as a phone losing its network does. */
    public void drop() {
        client.closeConnection(1006, "dropped");
        awaitClose();
    }

    @Override
    public void close() {
        client.close();
    }
}
