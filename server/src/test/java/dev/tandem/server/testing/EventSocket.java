package dev.tandem.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;

/**
 * A socket of JSON events that keeps every frame it gets, for tests: a technician's console
 * ({@code /ws/console?token=}) or a waiting customer's request page ({@code /ws/request/{id}?token=}).
 */
public final class EventSocket implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final WebSocketClient client;

    private EventSocket(String url) {
        this.client = new WebSocketClient(URI.create(url)) {
            @Override
            public void onOpen(ServerHandshake handshake) {
            }

            @Override
            public void onMessage(String message) {
                try {
                    frames.add(JSON.readTree(message));
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public void onClose(int code, String reason, boolean remote) {
                closed.complete(code);
            }

            @Override
            public void onError(Exception ex) {
            }
        };
    }

    /** Opens the console socket of {@code server} with {@code token} and waits for its hello. */
    public static EventSocket console(String wsBase, String token) {
        EventSocket socket = connect(wsBase + "/ws/console?token=" + token);
        socket.next(f -> "hello".equals(f.path("type").asText()), "hello");
        return socket;
    }

    /** Opens a waiting customer's page of request {@code id} and waits for its first view. */
    public static EventSocket requestPage(String wsBase, String id, String token) {
        EventSocket socket = connect(wsBase + "/ws/request/" + id + "?token=" + token);
        socket.next("request");
        return socket;
    }

    private static EventSocket connect(String url) {
        EventSocket socket = new EventSocket(url);
        try {
            if (!socket.client.connectBlocking(5, TimeUnit.SECONDS)) {
                throw new AssertionError("The console socket did not open");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return socket;
    }

    /** The next event of {@code type} within 10 s, skipping others. */
    public JsonNode next(String type) {
        return next(f -> type.equals(f.path("type").asText()), type);
    }

    public JsonNode next(Predicate<JsonNode> wanted, String what) {
        return poll(wanted, Duration.ofSeconds(10))
                .orElseThrow(() -> new AssertionError("No " + what + " event within 10 s"));
    }

    /** The next event that is {@code wanted} within {@code patience}, skipping others. */
    public Optional<JsonNode> poll(Predicate<JsonNode> wanted, Duration patience) {
        Instant deadline = Instant.now().plus(patience);
        try {
            while (Instant.now().isBefore(deadline)) {
                JsonNode frame = frames.poll(Duration.between(Instant.now(), deadline).toMillis(), TimeUnit.MILLISECONDS);
                if (frame != null && wanted.test(frame)) {
                    return Optional.of(frame);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }

    /** The close code once the server closed the socket, within 10 s. */
    public int awaitClose() {
        try {
            return closed.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("The console socket was not closed within 10 s", e);
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
