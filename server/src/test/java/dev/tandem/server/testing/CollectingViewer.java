package dev.tandem.server.testing;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;

/**
 * A viewer's socket ({@code /ws/screen/{session}}) that keeps every binary byte it receives:
 * {@link #all} completes with them once {@code expected} bytes arrived or the socket closed, and
 * {@link #closed} with the close code.
 */
public final class CollectingViewer extends WebSocketClient {
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    public final CompletableFuture<byte[]> all = new CompletableFuture<>();
    public final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final int expected;

    public CollectingViewer(URI url, int expected) {
        super(url);
        this.expected = expected;
    }

    @Override
    public void onOpen(ServerHandshake handshake) {
    }

    @Override
    public void onMessage(String message) {
    }

    @Override
    public synchronized void onMessage(ByteBuffer bytes) {
        byte[] chunk = new byte[bytes.remaining()];
        bytes.get(chunk);
        received.writeBytes(chunk);
        if (received.size() >= expected) {
            all.complete(received.toByteArray());
        }
    }

    @Override
    public synchronized void onClose(int code, String reason, boolean remote) {
        closed.complete(code);
        all.complete(received.toByteArray());
    }

    @Override
    public void onError(Exception ex) {
    }
}
