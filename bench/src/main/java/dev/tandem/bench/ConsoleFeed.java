package dev.tandem.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The technician's live feed ({@code /ws/console}): completes a waiter when a transcript message
 * with the awaited text arrives. Thread-safe.
 */
final class ConsoleFeed implements WebSocket.Listener, AutoCloseable {
    private final Map<String, CompletableFuture<Long>> waiting = new ConcurrentHashMap<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    static ConsoleFeed open(String baseUrl, String token) {
        ConsoleFeed feed = new ConsoleFeed();
        feed.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create(baseUrl.replaceFirst("^http", "ws") + "/ws/console?token=" + token), feed).join();
        return feed;
    }

    /** A future completed with {@link System#nanoTime()} when a message with {@code text} is seen. */
    CompletableFuture<Long> await(String text) {
        return waiting.computeIfAbsent(text, t -> new CompletableFuture<>());
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        long now = System.nanoTime();
        partial.append(data);
        if (last) {
            String frame = partial.toString();
            partial.setLength(0);
            if (!frame.contains("\"message\"")) {
                // Not a transcript message (session updates, pings): no need to parse it.
                webSocket.request(1);
                return null;
            }
            try {
                JsonNode event = BenchApi.JSON.readTree(frame);
                if ("message".equals(event.path("type").asText())) {
                    String text = event.path("message").path("text").asText();
                    CompletableFuture<Long> waiter = waiting.remove(text);
                    if (waiter != null) {
                        waiter.complete(now);
                    }
                }
            } catch (java.io.IOException e) {
                throw new IllegalStateException("The console feed sent non-JSON: " + frame, e);
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }
}
