package dev.tandem.android.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.agent.ServerAddress;
import dev.tandem.agent.transport.Connection;
import dev.tandem.agent.transport.ConnectionListener;
import dev.tandem.agent.transport.Transport;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The waiting customer's live view of their request: the request socket {@code /ws/request/{id}}
 * (docs/requests.md, "Live") sends the view at once and after every change (the place in line moves,
 * a technician takes it, it expires). A dropped socket is opened again after {@link #RETRY_SECONDS}
 * (its first frame brings the current view) until {@link #close()}. The listener hears each view on
 * the transport's thread. Thread-safe.
 */
public final class RequestWatch implements AutoCloseable {
    static final long RETRY_SECONDS = 3;
    private static final Logger log = LoggerFactory.getLogger(RequestWatch.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI socket;
    private final Transport transport;
    private final Consumer<RequestView> changed;
    private final ScheduledExecutorService retry = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "tandem-request-watch");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean closed;
    private volatile Connection connection;

    private RequestWatch(URI socket, Transport transport, Consumer<RequestView> changed) {
        this.socket = socket;
        this.transport = transport;
        this.changed = changed;
    }

    /** Starts watching request {@code id} with its {@code token}. */
    public static RequestWatch start(ServerAddress server, String id, String token, Transport transport,
            Consumer<RequestView> changed) {
        String base = server.agentSocket().toString();
        base = base.substring(0, base.lastIndexOf("/ws/"));
        RequestWatch watch = new RequestWatch(URI.create(base + "/ws/request/" + encode(id) + "?token=" + encode(token)),
                transport, changed);
        watch.connect();
        return watch;
    }

    @Override
    public void close() {
        closed = true;
        retry.shutdownNow();
        Connection open = connection;
        if (open != null) {
            open.close(1000, "The customer left the waiting screen.");
        }
    }

    private void connect() {
        if (closed) {
            return;
        }
        connection = transport.connect(socket, new ConnectionListener() {
            @Override
            public void onOpen() {
            }

            @Override
            public void onText(String text) {
                try {
                    JsonNode frame = JSON.readTree(text);
                    if ("request".equals(frame.path("type").asText())) {
                        changed.accept(RequestView.of(frame.path("request")));
                    }
                } catch (IOException | IllegalArgumentException e) {
                    log.info("Ignored a request frame that could not be read: {}", e.getMessage());
                }
            }

            @Override
            public void onBinary(ByteBuffer binary) {
            }

            @Override
            public void onClose(int code, String reason, boolean remote) {
                if (!closed) {
                    log.info("The request socket closed ({} {}); opening it again in {} s", code, reason, RETRY_SECONDS);
                    try {
                        retry.schedule(RequestWatch.this::connect, RETRY_SECONDS, TimeUnit.SECONDS);
                    } catch (java.util.concurrent.RejectedExecutionException stopped) {
                        // closed meanwhile
                    }
                }
            }

            @Override
            public void onError(Exception error) {
            }
        });
    }

    private static String encode(String part) {
        try {
            return URLEncoder.encode(part, "UTF-8");
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
