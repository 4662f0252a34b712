package dev.tandem.vnc;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local RFB endpoint for one session's screen: listens on a TCP address and gives every VNC
 * viewer it accepts its own {@link ViewerTunnel} to the session's viewer socket. It never decodes
 * pixels and enforces nothing; the server and the phone apply the customer's permissions.
 *
 * <p>Thread-safe: the accept loop runs on its own thread; {@link #close()} may be called from any.
 */
public final class VncBridge implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(VncBridge.class);
    private final ServerSocket listener;
    /** Each viewer's socket, read when it connects: the node that holds the phone may change meanwhile. */
    private final java.util.function.Supplier<URI> screenSocket;
    private final Consumer<String> notices;
    private final javax.net.ssl.SSLContext tls;
    private final Set<ViewerTunnel> tunnels = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private VncBridge(ServerSocket listener, java.util.function.Supplier<URI> screenSocket, Consumer<String> notices, javax.net.ssl.SSLContext tls) {
        this.tls = tls;
        this.listener = listener;
        this.screenSocket = screenSocket;
        this.notices = notices;
    }

    /**
     * Listens on {@code listen} and starts accepting viewers for {@code session}.
     *
     * @param notices receives one line each time the server closes a viewer, saying why and what to do
     * @throws IOException when the address cannot be bound (in use, not local)
     */
    public static VncBridge start(ListenAddress listen, TandemServerUrl server, String session, String token,
                                  Consumer<String> notices) throws IOException {
        ServerSocket listener = new ServerSocket();
        try {
            listener.setReuseAddress(true);
            listener.bind(listen.socketAddress());
        } catch (IOException e) {
            listener.close();
            throw e;
        }
        SessionApi api = new SessionApi(server, token);
        VncBridge bridge = new VncBridge(listener, () -> server.screenSocket(session, token, api.ownerNode(session)),
                notices, server.tls());
        Thread acceptor = new Thread(bridge::acceptViewers, "tandem-vnc-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        return bridge;
    }

    /** Where viewers connect, with the port actually bound (useful after port 0). */
    public ListenAddress address() {
        return new ListenAddress(listener.getInetAddress().getHostAddress(), listener.getLocalPort());
    }

    private void acceptViewers() {
        while (!closed) {
            Socket viewer;
            try {
                viewer = listener.accept();
            } catch (SocketException listenerClosed) {
                return;
            } catch (IOException e) {
                LOG.warn("Accepting a VNC viewer failed: {}", e.getMessage());
                continue;
            }
            try {
                ViewerTunnel tunnel = ViewerTunnel.create(viewer, screenSocket.get(), notices, tls);
                tunnels.add(tunnel);
                Thread thread = new Thread(() -> {
                    try {
                        tunnel.run();
                    } finally {
                        tunnels.remove(tunnel);
                    }
                }, "tandem-vnc-viewer");
                thread.setDaemon(true);
                thread.start();
                if (closed) {
                    tunnel.close();
                }
            } catch (IOException e) {
                LOG.warn("A VNC viewer could not be set up: {}", e.getMessage());
                closeQuietly(viewer);
            }
        }
    }

    /** The viewers attached right now. */
    public int viewers() {
        return tunnels.size();
    }

    /** Stops listening and closes every viewer. */
    @Override
    public void close() {
        closed = true;
        closeQuietly(listener);
        tunnels.forEach(ViewerTunnel::close);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing anyway
        }
    }
}
