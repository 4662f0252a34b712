package dev.tandem.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A phone that joins and then sits idle, answering heartbeats: the cheapest client that is, from
 * the server's side, exactly a connected idle device. Many share one {@link HttpClient}.
 */
final class IdleDevice implements WebSocket.Listener {
    private final CompletableFuture<Void> welcomed = new CompletableFuture<>();
    private WebSocket socket;

    static CompletableFuture<IdleDevice> join(HttpClient http, String baseUrl, String code) {
        IdleDevice device = new IdleDevice();
        return http.newWebSocketBuilder().buildAsync(URI.create(baseUrl.replaceFirst("^http", "ws") + "/ws/agent"), device)
                .thenCompose(ws -> {
                    device.socket = ws;
                    return ws.sendText("{\"type\":\"hello\",\"version\":1,\"code\":\"" + code + "\",\"customerName\":\"Idle\","
                            + "\"device\":{\"manufacturer\":\"samsung\",\"model\":\"SM-A546B\",\"androidVersion\":\"14\","
                            + "\"apiLevel\":34,\"profile\":\"samsung\"},\"capabilities\":{\"chat\":{\"available\":true}},"
                            + "\"lastSeq\":0}", true);
                })
                .thenCompose(ws -> device.welcomed).thenApply(v -> device);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        String frame = data.toString();
        if (frame.contains("\"type\":\"welcome\"")) {
            welcomed.complete(null);
        } else if (frame.contains("\"type\":\"ping\"")) {
            webSocket.sendText("{\"type\":\"pong\"}", true);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        welcomed.completeExceptionally(new IllegalStateException("closed " + statusCode + ": " + reason));
        return null;
    }

    void close() {
        socket.abort();
    }
}
