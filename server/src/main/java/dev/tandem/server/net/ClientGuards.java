package dev.tandem.server.net;

import dev.tandem.server.ServerConfig.ClientLimits;
import java.util.function.Predicate;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ThreadPool;

/**
 * Everything that keeps one client from stalling the others, put on the Jetty server in one place:
 * a bounded thread pool; per address, bounded connections ({@link ConnectionsPerAddress}) and
 * requests in progress ({@link RequestsPerAddress}); bounded time for headers ({@link HeaderDeadline})
 * and bodies ({@link EagerBodies}, which also means no thread ever waits for a body); and a
 * minimum rate for answers, so a client that does not read cannot keep a thread writing to it.
 */
public final class ClientGuards {
    /** Bytes per second below which writing an answer gives up (a client that stopped reading). */
    static final long MIN_RESPONSE_RATE = 1024;
    private final ClientLimits limits;
    private final ClientAddresses clients;
    private final int maxBodyBytes;
    private final Predicate<ClientAddress> trustedProxy;
    private ConnectionsPerAddress connections;
    private RequestsPerAddress requests;

    /**
     * @param trustedProxy peers whose connections are not counted per address (a reverse proxy in
     *                     front: its clients are counted per request instead)
     */
    public ClientGuards(ClientLimits limits, ClientAddresses clients, int maxBodyBytes, Predicate<ClientAddress> trustedProxy) {
        this.limits = limits;
        this.clients = clients;
        this.maxBodyBytes = maxBodyBytes;
        this.trustedProxy = trustedProxy;
    }

    /** The request threads: bounded, named. */
    public ThreadPool threadPool() {
        QueuedThreadPool pool = new QueuedThreadPool(limits.threads(), Math.min(8, limits.threads()), 60_000);
        pool.setName("tandem-http");
        return pool;
    }

    /** Puts the guards on {@code server} before it starts (Javalin's context goes inside them). */
    public void install(Server server) {
        requests = new RequestsPerAddress(clients, limits.requestsInProgress());
        requests.setHandler(new EagerBodies(maxBodyBytes, limits.bodyTime()));
        server.setHandler(requests);
        connections = new ConnectionsPerAddress(limits.connectionsPerAddress(), trustedProxy);
        HeaderDeadline headers = new HeaderDeadline(server.getScheduler(), limits.headerTime());
        // Connectors exist only once the server starts; register on them then.
        server.addBean(new AbstractLifeCycle() {
            @Override
            protected void doStart() throws Exception {
                for (Connector connector : server.getConnectors()) {
                    if (connector instanceof AbstractConnector network) {
                        network.addBean(connections);
                        network.addBean(headers);
                    }
                }
                super.doStart();
            }
        });
    }

    /** Settings of every HTTP connection. */
    public void configure(HttpConfiguration http) {
        http.setMinResponseDataRate(MIN_RESPONSE_RATE);
        http.setSendServerVersion(false);
    }

    /** Connections refused for their address so far. */
    public long refusedConnections() {
        return connections == null ? 0 : connections.refused();
    }

    /** Connections open now, counted per address. */
    public int openConnections() {
        return connections == null ? 0 : connections.open();
    }

    /** HTTP requests in progress now. */
    public int requestsInProgress() {
        return requests == null ? 0 : requests.inProgress();
    }
}
