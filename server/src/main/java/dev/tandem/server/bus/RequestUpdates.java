package dev.tandem.server.bus;

import io.nats.client.impl.Headers;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;

/**
 * Chat-request updates across nodes: a waiting customer's page ({@code /ws/request/{id}}) is held by
 * whichever node its socket reached, while the change (taken, cancelled, a new position in the line)
 * happens on the node that served the REST call or ran the expiry timer. Each frame crosses once,
 * as its body, with the request's id in a header. Thread-safe.
 */
public final class RequestUpdates {
    static final String REQUEST = "Tandem-Request";
    private final Bus bus;

    /** Listens for the other nodes' updates and hands each to {@code toWatchersHere(requestId, frame)}. */
    public RequestUpdates(Bus bus, BiConsumer<String, String> toWatchersHere) {
        this.bus = bus;
        bus.listen(Subjects.REQUEST_UPDATES, message -> {
            String id = message.getHeaders() == null ? null : message.getHeaders().getFirst(REQUEST);
            if (id != null) {
                toWatchersHere.accept(id, new String(message.getData(), StandardCharsets.UTF_8));
            }
        });
    }

    /** Tells the other nodes' watchers of {@code requestId}. */
    public void send(String requestId, String frame) {
        bus.publish(Subjects.REQUEST_UPDATES, new Headers().put(REQUEST, requestId),
                frame.getBytes(StandardCharsets.UTF_8));
    }
}
