package dev.tandem.server.bus;

import dev.tandem.server.events.Audience;
import dev.tandem.server.events.Event;
import dev.tandem.server.events.Events;
import dev.tandem.server.events.LocalEvents;
import io.nats.client.Message;
import io.nats.client.impl.Headers;
import java.nio.charset.StandardCharsets;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The events of a cluster: each event goes to this node's consoles ({@link LocalEvents}) and, encoded
 * once, over the bus to every other node, which delivers it to the consoles it holds. The frame
 * crosses as the body unchanged; its audience rides in a header, so the receiving node never parses
 * the frame. A user's "close your consoles" goes to every node the same way. The bus never brings a
 * node's own messages back ({@code noEcho}), so nothing is delivered twice. Thread-safe.
 */
public final class ClusterEvents implements Events {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterEvents.class);
    static final String AUDIENCE = "Tandem-Audience";
    static final String USER = "Tandem-User";
    static final String CLOSE = "Tandem-Close";
    private final LocalEvents local;
    private final Bus bus;
    private final LongConsumer forgetUser;

    /**
     * {@code forgetUser}: what this node remembers of a user's sign-ins, dropped when another node
     * closes their consoles (disabled, signed out), so this node refuses their token at once too.
     */
    public ClusterEvents(LocalEvents local, Bus bus, LongConsumer forgetUser) {
        this.local = local;
        this.bus = bus;
        this.forgetUser = forgetUser;
        bus.listen(Subjects.EVENTS, this::fromOtherNode);
        bus.listen(Subjects.DISCONNECT, this::disconnectFromOtherNode);
    }

    @Override
    public void publish(Event event) {
        String frame = local.encode(event);
        local.deliver(event.audience(), frame);
        Headers headers = new Headers().put(AUDIENCE, audience(event.audience()));
        bus.publish(Subjects.EVENTS, headers, frame.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void disconnect(long userId, int code, String reason) {
        local.disconnect(userId, code, reason);
        Headers headers = new Headers().put(USER, String.valueOf(userId)).put(CLOSE, String.valueOf(code));
        bus.publish(Subjects.DISCONNECT, headers, reason.getBytes(StandardCharsets.UTF_8));
    }

    private void fromOtherNode(Message message) {
        Audience audience = audience(message.getHeaders().getFirst(AUDIENCE));
        if (audience == null) {
            LOG.warn("An event from another node without a readable audience is dropped");
            return;
        }
        local.deliver(audience, new String(message.getData(), StandardCharsets.UTF_8));
    }

    private void disconnectFromOtherNode(Message message) {
        try {
            long userId = Long.parseLong(message.getHeaders().getFirst(USER));
            int code = Integer.parseInt(message.getHeaders().getFirst(CLOSE));
            forgetUser.accept(userId);
            local.disconnect(userId, code, new String(message.getData(), StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            LOG.warn("A disconnect from another node without a readable user is dropped");
        }
    }

    /** {@code owner:ID}, {@code team:OWNER,HELPER,…} or {@code every}: the audiences, as plain text. */
    static String audience(Audience audience) {
        if (audience instanceof Audience.Owner owner) {
            return "owner:" + owner.technicianId();
        }
        if (audience instanceof Audience.Team team) {
            StringBuilder header = new StringBuilder("team:").append(team.technicianId());
            team.helpers().forEach(id -> header.append(',').append(id));
            return header.toString();
        }
        return "every";
    }

    /** The audience of a header, or null when it is not one this version knows. */
    static Audience audience(String header) {
        if ("every".equals(header)) {
            return new Audience.EveryConsole();
        }
        if (header != null && header.startsWith("team:")) {
            try {
                String[] ids = header.substring("team:".length()).split(",");
                java.util.List<Long> helpers = new java.util.ArrayList<>();
                for (int i = 1; i < ids.length; i++) {
                    helpers.add(Long.parseLong(ids[i]));
                }
                return new Audience.Team(Long.parseLong(ids[0]), helpers);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        if (header != null && header.startsWith("owner:")) {
            try {
                return new Audience.Owner(Long.parseLong(header.substring("owner:".length())));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
