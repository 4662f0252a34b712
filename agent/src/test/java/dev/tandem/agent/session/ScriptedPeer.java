package dev.tandem.agent.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.tandem.agent.testing.WriteDemandWatch;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * A real WebSocket server on a free loopback port that plays the Tandem server's part from a test
 * script: every connection the agent makes shows up as a {@link PeerConnection} the test reads
 * frames from and answers.
 */
final class ScriptedPeer extends WebSocketServer implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(5);

    private final BlockingQueue<PeerConnection> connections = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> paths = new LinkedBlockingQueue<>();
    private final CountDownLatch started = new CountDownLatch(1);
    private final WriteDemandWatch writes = WriteDemandWatch.on(this);

    private ScriptedPeer() {
        super(new InetSocketAddress("127.0.0.1", 0), 1);
        setReuseAddr(true);
        setConnectionLostTimeout(0);
        setDaemon(true);
    }

    static ScriptedPeer open() throws InterruptedException {
        ScriptedPeer peer = new ScriptedPeer();
        peer.start();
        assertThat(peer.started.await(5, TimeUnit.SECONDS)).as("peer started").isTrue();
        return peer;
    }

    /** The base URL a device is given, as for a real server: {@code http://127.0.0.1:PORT}. */
    String baseUrl() {
        return "http://127.0.0.1:" + getPort();
    }

    /** The next connection the agent opened, failing the test when none comes. */
    PeerConnection nextConnection() throws InterruptedException {
        PeerConnection connection = connections.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (connection == null) {
            fail("The agent did not connect within " + WAIT.toSeconds() + " s");
        }
        return connection;
    }

    /** The request path of the next connection. */
    String nextPath() throws InterruptedException {
        return paths.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    void assertNoConnectionWithin(Duration quiet) throws InterruptedException {
        PeerConnection unexpected = connections.poll(quiet.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(unexpected).as("a connection the agent should not have made").isNull();
    }

    @Override
    public void onStart() {
        started.countDown();
    }

    @Override
    public void onOpen(WebSocket socket, ClientHandshake handshake) {
        PeerConnection connection = new PeerConnection(socket);
        socket.setAttachment(connection);
        paths.add(handshake.getResourceDescriptor());
        connections.add(connection);
    }

    @Override
    public void onMessage(WebSocket socket, String message) {
        PeerConnection connection = socket.getAttachment();
        connection.received(message);
    }

    @Override
    public void onClose(WebSocket socket, int code, String reason, boolean remote) {
        PeerConnection connection = socket.getAttachment();
        if (connection != null) {
            connection.closed(code, reason);
        }
    }

    @Override
    public void onError(WebSocket socket, Exception error) {
        // The agent's side reports what matters; a reset socket during a drop test is expected.
    }

    @Override
    public void close() throws InterruptedException {
        writes.close();
        stop(1000);
    }
}
