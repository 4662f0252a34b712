package dev.tandem.vnc;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One VNC viewer's connection: its TCP socket and its own viewer socket on the server, with the
 * bytes copied both ways unchanged. Viewer bytes go out as binary frames of at most 32 KiB; frames
 * from the server are written to the viewer as they come. Both directions are bounded: the server's
 * frames are read by the thread that writes them to the viewer (a slow viewer stops the reading, and
 * TCP slows the server), and the viewer is not read while more than {@value #MAX_QUEUED_FRAMES}
 * frames wait to be sent. When either side closes, so does the other, once.
 *
 * <p>Thread-safe: {@link #run()} runs on the tunnel's own thread, the WebSocket's callbacks on its
 * read thread, and {@link #close()} from anywhere; {@link #finish} makes the first close win.
 */
final class ViewerTunnel implements Runnable, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ViewerTunnel.class);
    static final int CHUNK = 32 * 1024;
    static final int MAX_QUEUED_FRAMES = 8;
    private static final int CONNECT_SECONDS = 10;

    private final java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);
    private final Socket viewer;
    private final ScreenSocket server;
    private final Consumer<String> notices;
    private final String name;
    private final AtomicBoolean finished = new AtomicBoolean();

    private ViewerTunnel(Socket viewer, URI screenSocket, Consumer<String> notices, javax.net.ssl.SSLContext tls) {
        this.viewer = viewer;
        this.server = new ScreenSocket(screenSocket);
        if ("wss".equalsIgnoreCase(screenSocket.getScheme())) {
            // The TLS socket comes from this factory; Java-WebSocket turns on HTTPS host-name checking.
            server.setSocketFactory(tls.getSocketFactory());
        }
        this.notices = notices;
        this.name = "VNC viewer " + viewer.getRemoteSocketAddress().toString().replaceFirst("^.*/", "");
    }

    /** A tunnel for an accepted {@code viewer}; nothing happens until {@link #run()}. */
    static ViewerTunnel create(Socket viewer, URI screenSocket, Consumer<String> notices, javax.net.ssl.SSLContext tls)
            throws IOException {
        viewer.setTcpNoDelay(true);
        return new ViewerTunnel(viewer, screenSocket, notices, tls);
    }

    /** Opens the viewer socket, then copies the viewer's bytes to it until either side closes. */
    @Override
    public void run() {
        try {
            if (!server.connectBlocking(CONNECT_SECONDS, TimeUnit.SECONDS)) {
                // A refusal right after the handshake ends the wait before onClose has explained it:
                // give that explanation a moment to arrive; only a real timeout is reported as one.
                closed.await(2, TimeUnit.SECONDS);
                finish(name + ": the server did not open the screen within " + CONNECT_SECONDS
                        + " s: check that it is reachable, then reconnect the viewer");
                return;
            }
            LOG.debug("{} attached", name);
            copyViewerToServer();
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
            finish(null);
        }
    }

    private void copyViewerToServer() throws InterruptedException {
        byte[] buffer = new byte[CHUNK];
        try (InputStream in = viewer.getInputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                if (read > 0) {
                    server.send(Arrays.copyOf(buffer, read));
                    awaitRoomToSend();
                }
            }
            finish(null); // the viewer disconnected: nothing to explain
        } catch (IOException | org.java_websocket.exceptions.WebsocketNotConnectedException gone) {
            finish(null); // closed by the other direction, which has already said why
        }
    }

    /**
     * Java-WebSocket queues frames without bound and tells nobody when one is written, so the
     * viewer is not read again until the queue is short; waiting only happens under backpressure.
     */
    private void awaitRoomToSend() throws InterruptedException {
        WebSocketImpl connection = (WebSocketImpl) server.getConnection();
        while (connection.outQueue.size() > MAX_QUEUED_FRAMES && !finished.get()) {
            Thread.sleep(1);
        }
    }

    /** Closes both sides once; {@code notice}, when not null, is the one line that says why. */
    private void finish(String notice) {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        if (notice != null) {
            LOG.debug("{}", notice);
            notices.accept(notice);
        } else {
            LOG.debug("{} left", name);
        }
        try {
            viewer.close();
        } catch (IOException ignored) {
            // already closed
        }
        if (!server.isClosing() && !server.isClosed()) {
            server.close(CloseExplanation.NORMAL, "The VNC viewer disconnected.");
        }
    }

    boolean isFinished() {
        return finished.get();
    }

    @Override
    public void close() {
        finish(null);
    }

    /** The session's viewer socket; its callbacks run on Java-WebSocket's read thread. */
    private final class ScreenSocket extends WebSocketClient {
        ScreenSocket(URI uri) {
            super(uri);
            setTcpNoDelay(true);
        }

        @Override
        public void onOpen(ServerHandshake handshake) {
        }

        @Override
        public void onMessage(ByteBuffer bytes) {
            try {
                OutputStream out = viewer.getOutputStream();
                if (bytes.hasArray()) {
                    out.write(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
                } else {
                    byte[] copy = new byte[bytes.remaining()];
                    bytes.get(copy);
                    out.write(copy);
                }
                out.flush();
            } catch (IOException viewerGone) {
                finish(null);
            }
        }

        @Override
        public void onMessage(String text) {
            LOG.debug("{}: ignored a text frame from the viewer socket", name);
        }

        @Override
        public void onClose(int code, String reason, boolean remote) {
            finish(name + " closed: " + CloseExplanation.of(code, reason));
            closed.countDown();
        }

        @Override
        public void onError(Exception problem) {
            LOG.debug("{}: viewer socket error", name, problem);
        }
    }
}
