package dev.tandem.server.testing;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;

/**
 * Opens a WebSocket, optionally sends one text frame, and tells what the server did: closed it
 * (with which code) or kept it open. For authorization checks on every socket.
 */
public final class SocketProbe {
    /** What the server did with the socket. {@code closeCode} is 0 when it stayed open. */
    public record Outcome(int closeCode, String firstFrame) {
        public boolean open() { return closeCode == 0; }

        @Override
        public String toString() {
            return open() ? "open" + (firstFrame == null ? "" : " (" + firstFrame.substring(0, Math.min(60,
                    firstFrame.length())) + ")") : "closed " + closeCode;
        }
    }

    private SocketProbe() {
    }

    /** Connects with {@code headers}, sends {@code frame} if not null, waits up to {@code millis}. */
    public static Outcome probe(String url, Map<String, String> headers, String frame, long millis) {
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        WebSocketClient client = new WebSocketClient(URI.create(url), headers) {
            @Override
            public void onOpen(ServerHandshake handshake) {
            }

            @Override
            public void onMessage(String message) {
                frames.add(message);
            }

            @Override
            public void onMessage(java.nio.ByteBuffer bytes) {
                frames.add("<binary " + bytes.remaining() + " bytes>");
            }

            @Override
            public void onClose(int code, String reason, boolean remote) {
                closed.complete(code);
            }

            @Override
            public void onError(Exception ex) {
            }
        };
        try {
            if (!client.connectBlocking(5, TimeUnit.SECONDS)) {
                try {
                    return new Outcome(closed.get(millis, TimeUnit.MILLISECONDS), frames.poll());
                } catch (java.util.concurrent.TimeoutException never) {
                    return new Outcome(-1, null);
                }
            }
            if (frame != null) {
                client.send(frame);
            }
            try {
                int code = closed.get(millis, TimeUnit.MILLISECONDS);
                return new Outcome(code, frames.poll());
            } catch (java.util.concurrent.TimeoutException stillOpen) {
                return new Outcome(0, frames.poll());
            }
        } catch (Exception e) {
            throw new AssertionError("Probing " + url + " failed", e);
        } finally {
            client.close();
        }
    }
}
