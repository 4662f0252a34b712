package dev.tandem.bench;

import dev.tandem.agent.transport.Connection;
import dev.tandem.agent.transport.ConnectionListener;
import dev.tandem.agent.transport.Transport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The benchmark phones' WebSockets, all on one {@code java.net.http} client with two threads. The
 * agent's own transport gives each connection a reading and a writing thread: 200 chatting phones
 * took 400 threads and a good share of the CPU the benchmark shares with the server under test.
 * The agent above it ({@code AgentSession}) is the real one, so the round trip stays the phone's.
 * Thread-safe.
 */
final class SharedTransport implements Transport {
    private static final Executor WORKERS = Executors.newFixedThreadPool(2, task -> {
        Thread thread = new Thread(task, "bench-phones");
        thread.setDaemon(true);
        return thread;
    });
    static final SharedTransport INSTANCE = new SharedTransport(HttpClient.newBuilder().executor(WORKERS).build());

    private final HttpClient http;

    private SharedTransport(HttpClient http) {
        this.http = http;
    }

    @Override
    public Connection connect(URI url, ConnectionListener listener) {
        Socket socket = new Socket(listener);
        http.newWebSocketBuilder().buildAsync(url, socket).whenComplete((ws, failure) -> {
            if (failure != null) {
                socket.closed(ConnectionListener.NEVER_CONNECTED, String.valueOf(failure.getMessage()), false);
            }
        });
        return socket;
    }

    /** One phone's connection. Sends are chained: {@code java.net.http} allows one outstanding send. */
    private static final class Socket implements Connection, WebSocket.Listener {
        private final ConnectionListener listener;
        private final AtomicBoolean over = new AtomicBoolean();
        private final StringBuilder text = new StringBuilder();
        private java.io.ByteArrayOutputStream binary = new java.io.ByteArrayOutputStream();
        private volatile WebSocket socket;
        private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);

        Socket(ConnectionListener listener) {
            this.listener = listener;
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            socket = webSocket;
            webSocket.request(1);
            if (over.get()) {
                webSocket.abort();
                return;
            }
            listener.onOpen();
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                String frame = text.toString();
                text.setLength(0);
                listener.onText(frame);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            binary.writeBytes(bytes);
            if (last) {
                ByteBuffer frame = ByteBuffer.wrap(binary.toByteArray());
                binary = new java.io.ByteArrayOutputStream();
                listener.onBinary(frame);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed(statusCode, reason, true);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            listener.onError(error instanceof Exception e ? e : new IllegalStateException(error));
            closed(1006, String.valueOf(error.getMessage()), false);
        }

        @Override
        public synchronized void send(String frame) {
            WebSocket open = socket;
            if (open != null && !over.get()) {
                sending = sending.thenCompose(x -> open.sendText(frame, true)).exceptionally(failure -> null);
            }
        }

        @Override
        public synchronized void send(ByteBuffer frame) {
            WebSocket open = socket;
            if (open != null && !over.get()) {
                sending = sending.thenCompose(x -> open.sendBinary(frame, true)).exceptionally(failure -> null);
            }
        }

        @Override
        public synchronized void close(int code, String reason) {
            WebSocket open = socket;
            if (open != null && !over.get()) {
                // The close frame follows what is queued; then the socket is let go without waiting for the peer.
                sending = sending.thenCompose(x -> open.sendClose(code, reason == null ? "" : reason))
                        .whenComplete((x, failure) -> open.abort());
            }
            closed(code, reason == null ? "" : reason, false);
        }

        /** Tells the listener once, whoever ended the connection first. */
        void closed(int code, String reason, boolean remote) {
            if (over.compareAndSet(false, true)) {
                listener.onClose(code, reason == null ? "" : reason, remote);
            }
        }
    }
}
