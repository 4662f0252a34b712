package dev.tandem.server;

import dev.tandem.server.auth.Accounts;
import dev.tandem.server.bus.Bus;
import dev.tandem.server.bus.ClusterEvents;
import dev.tandem.server.bus.RequestUpdates;
import dev.tandem.server.cluster.SessionOwners;
import dev.tandem.server.events.Events;
import dev.tandem.server.events.LocalEvents;
import dev.tandem.server.http.WebApp;
import dev.tandem.server.requests.ChatRequests;
import java.util.Optional;
import java.util.function.Function;

/**
 * How the bus plugs into the server, beside {@link TandemServer} (which calls it): with
 * {@code --nats-url} the node connects at start (or does not start), its events reach the other
 * nodes' consoles, its chat-request updates their waiting customers, and the calls on sessions
 * another node owns go there. Without it, nothing here runs and the server is exactly as alone.
 */
final class NodeBus {
    private final Optional<Bus> bus;

    private NodeBus(Optional<Bus> bus) {
        this.bus = bus;
    }

    /** Connects when {@code --nats-url} is given; a NATS that cannot be reached stops the start with one line. */
    static NodeBus connect(ServerConfig config) {
        try {
            return new NodeBus(config.natsUrl().map(url -> Bus.connect(url.toString(), config.nodeId())));
        } catch (Bus.BusUnavailableException e) {
            throw new TandemServer.StartupException(e.getMessage(), e);
        }
    }

    /** The events the server publishes to: this node's consoles, and in a cluster every node's. */
    Events events(LocalEvents consoles, Accounts accounts) {
        return bus.<Events>map(b -> new ClusterEvents(consoles, b, accounts::forgetUser)).orElse(consoles);
    }

    /** Plugs the bus into the chat requests and the routes; before the routes are registered. */
    void plug(ChatRequests requests, WebApp web, SessionOwners owners) {
        bus.ifPresent(b -> {
            requests.alsoTell(new RequestUpdates(b, requests::deliver)::send);
            web.forwardToOwners(b, owners::ownerOf);
        });
    }

    /** The node that owns a session when it is another one (never, alone): a viewer must go there. */
    Function<String, Optional<String>> ownerElsewhere(SessionOwners owners) {
        if (bus.isEmpty()) {
            return id -> Optional.empty();
        }
        String here = bus.get().nodeId();
        return id -> owners.ownerOf(id).filter(node -> !node.equals(here));
    }

    void close() {
        bus.ifPresent(Bus::close);
    }
}
