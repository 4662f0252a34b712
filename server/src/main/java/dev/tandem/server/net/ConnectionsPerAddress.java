package dev.tandem.server.net;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SocketChannel;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.io.SelectorManager;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds the TCP connections one address (its limit key: IPv6 per /64) holds open at once. A
 * connection past the bound is closed as soon as it is accepted, before a byte is read, so one
 * address can never take the server's file descriptors from the others.
 *
 * <p>This counts the connection's peer, the only address known before a request is read: behind a
 * reverse proxy without the PROXY protocol every client is the proxy, so a trusted proxy's address
 * must be {@linkplain #exempt exempt} (TandemServer exempts the --trusted-proxies); the per-client
 * request limit ({@link RequestsPerAddress}) still applies to the real clients behind it.
 *
 * <p>An address appears in the map only while it has connections open. Thread-safe.
 */
public final class ConnectionsPerAddress extends AbstractLifeCycle implements SelectorManager.AcceptListener {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionsPerAddress.class);
    private final int limit;
    private final java.util.function.Predicate<ClientAddress> exempt;
    private final Map<SelectableChannel, String> keys = new ConcurrentHashMap<>();
    private final CountsPerKey open = new CountsPerKey();
    private final AtomicLong refused = new AtomicLong();

    /**
     * @param exempt addresses never limited here (trusted proxies)
     */
    public ConnectionsPerAddress(int limit, java.util.function.Predicate<ClientAddress> exempt) {
        this.limit = limit;
        this.exempt = exempt;
    }

    @Override
    public void onAccepted(SelectableChannel channel) {
        ClientAddress peer;
        try {
            SocketAddress remote = channel instanceof SocketChannel socket ? socket.getRemoteAddress() : null;
            peer = ClientAddresses.peer(remote);
        } catch (IOException e) {
            return;
        }
        if (exempt.test(peer)) {
            return;
        }
        String key = peer.limitKey();
        if (open.acquire(key) > limit) {
            open.release(key);
            if (refused.incrementAndGet() % 1000 == 1) {
                LOG.warn("Refusing connections from {}: it already has {} open ({} refused so far)", key, limit,
                        refused.get());
            }
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing it is all that was wanted
            }
            return;
        }
        keys.put(channel, key);
    }

    @Override
    public void onAcceptFailed(SelectableChannel channel, Throwable cause) {
        closed(channel);
    }

    @Override
    public void onClosed(SelectableChannel channel) {
        closed(channel);
    }

    /** Connections refused so far (for metrics and tests). */
    public long refused() {
        return refused.get();
    }

    /** Connections counted open right now. */
    public int open() {
        return keys.size();
    }

    private void closed(SelectableChannel channel) {
        String key = keys.remove(channel);
        if (key != null) {
            open.release(key);
        }
    }
}
