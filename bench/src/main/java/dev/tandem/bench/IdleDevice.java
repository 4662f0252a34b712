package dev.tandem.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A phone that joins and then sits idle, answering heartbeats: the cheapest client that is, from
 * the server's side, exactly a connected idle device. Many share one {@link HttpClient}. When its
 * connection drops (its node died or asked it to reconnect) it comes back as a phone does: after a
 * jittered back-off, with its resume token, through the same address.
 */
final class IdleDevice implements WebSocket.Listener {
    private static final Pattern SESSION = Pattern.compile("\"session\":\"([^\"]+)\"");
    private static final Pattern RESUME_TOKEN = Pattern.compile("\"resumeToken\":\"([^\"]+)\"");
    private static final String DEVICE = "\"customerName\":\"Idle\",\"device\":{\"manufacturer\":\"samsung\","
            + "\"model\":\"SM-A546B\",\"androidVersion\":\"14\",\"apiLevel\":34,\"profile\":\"samsung\"},"
            + "\"capabilities\":{\"chat\":{\"available\":true}},\"lastSeq\":0}";
    private static final ScheduledExecutorService RECONNECTS = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "idle-device-reconnects");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient http;
    private final URI uri;
    private final CompletableFuture<Void> welcomed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private volatile WebSocket socket;
    private volatile String session;
    private volatile String resumeToken;
    private volatile boolean connected;
    private volatile boolean closing;
    private int failures;
    private boolean reconnecting;

    private IdleDevice(HttpClient http, String baseUrl) {
        this.http = http;
        this.uri = URI.create(baseUrl.replaceFirst("^http", "ws") + "/ws/agent");
    }

    static CompletableFuture<IdleDevice> join(HttpClient http, String baseUrl, String code) {
        IdleDevice device = new IdleDevice(http, baseUrl);
        device.connect("{\"type\":\"hello\",\"version\":1,\"code\":\"" + code + "\"," + DEVICE);
        return device.welcomed.thenApply(v -> device);
    }

    /** Whether the device holds a welcomed connection right now. */
    boolean connected() {
        return connected;
    }

    private void connect(String hello) {
        http.newWebSocketBuilder().buildAsync(uri, this).thenCompose(ws -> {
            socket = ws;
            return ws.sendText(hello, true);
        }).whenComplete((ws, failure) -> {
            if (failure != null) {
                dropped();
            }
        });
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String frame = partial.toString();
            partial.setLength(0);
            if (frame.contains("\"type\":\"welcome\"")) {
                remember(frame);
                connected = true;
                failures = 0;
                welcomed.complete(null);
            } else if (frame.contains("\"type\":\"ping\"")) {
                webSocket.sendText("{\"type\":\"pong\"}", true);
            }
        }
        webSocket.request(1);
        return null;
    }

    private void remember(String welcome) {
        Matcher s = SESSION.matcher(welcome);
        if (s.find()) {
            session = s.group(1);
        }
        Matcher t = RESUME_TOKEN.matcher(welcome);
        if (t.find()) {
            resumeToken = t.group(1);
        }
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        if (!welcomed.isDone()) {
            welcomed.completeExceptionally(new IllegalStateException("closed " + statusCode + ": " + reason));
        }
        dropped();
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        dropped();
    }

    /** The connection is gone: once joined, come back with the resume token after a jittered back-off. */
    private synchronized void dropped() {
        connected = false;
        if (closing || reconnecting || session == null || resumeToken == null) {
            return;
        }
        reconnecting = true;
        long delay = Math.min(5_000, 500L << Math.min(failures++, 4)) + ThreadLocalRandom.current().nextLong(500);
        String hello = "{\"type\":\"hello\",\"version\":1,\"resume\":{\"session\":\"" + session + "\",\"token\":\""
                + resumeToken + "\"}," + DEVICE;
        RECONNECTS.schedule(() -> {
            synchronized (this) {
                reconnecting = false;
            }
            connect(hello);
        }, delay, TimeUnit.MILLISECONDS);
    }

    void close() {
        closing = true;
        WebSocket current = socket;
        if (current != null) {
            current.abort();
        }
    }
}
