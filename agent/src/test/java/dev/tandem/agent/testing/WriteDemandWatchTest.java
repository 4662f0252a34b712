package dev.tandem.agent.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshake;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A frame whose write demand was lost (queued, key left read-only: what Java-WebSocket's selector
 * does when it resets the key right after a send from another thread) still goes out under the watch,
 * and stays put without it.
 */
class WriteDemandWatchTest {
    private final BlockingQueue<WebSocket> opened = new LinkedBlockingQueue<>();
    private final CountDownLatch started = new CountDownLatch(1);
    private final BlockingQueue<String> heard = new LinkedBlockingQueue<>();
    private final WebSocketServer server = new WebSocketServer(new InetSocketAddress("127.0.0.1", 0), 1) {
        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            opened.add(conn);
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {
        }

        @Override
        public void onStart() {
            started.countDown();
        }
    };
    private WebSocketClient client;

    @AfterEach
    void stop() throws Exception {
        if (client != null) {
            client.closeBlocking();
        }
        server.stop(1000);
    }

    @Test
    void aFrameWithALostWriteDemandIsSentUnderTheWatch() throws Exception {
        try (WriteDemandWatch watch = WriteDemandWatch.on(server)) {
            queueWithoutDemand(connect(), "welcome");
            assertThat(heard.poll(2, TimeUnit.SECONDS)).isEqualTo("welcome");
        }
    }

    @Test
    void withoutTheWatchTheSameFrameWaits() throws Exception {
        queueWithoutDemand(connect(), "welcome");
        assertThat(heard.poll(500, TimeUnit.MILLISECONDS)).as("the server's selector was never asked to write").isNull();
    }

    private WebSocketImpl connect() throws Exception {
        server.setReuseAddr(true);
        server.start();
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        client = new WebSocketClient(URI.create("ws://127.0.0.1:" + server.getPort())) {
            @Override
            public void onOpen(ServerHandshake handshake) {
            }

            @Override
            public void onMessage(String message) {
                heard.add(message);
            }

            @Override
            public void onClose(int code, String reason, boolean remote) {
            }

            @Override
            public void onError(Exception ex) {
            }
        };
        assertThat(client.connectBlocking(5, TimeUnit.SECONDS)).isTrue();
        WebSocket connection = opened.poll(5, TimeUnit.SECONDS);
        assertThat(connection).isInstanceOf(WebSocketImpl.class);
        awaitWritesDone((WebSocketImpl) connection);
        return (WebSocketImpl) connection;
    }

    /**
     * The client may read the handshake's answer while the server's selector is still in its write
     * loop, which would also send a frame queued now; once the key is back to read-only that loop is over.
     */
    private static void awaitWritesDone(WebSocketImpl connection) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (connection.getSelectionKey().interestOps() != SelectionKey.OP_READ) {
            assertThat(System.nanoTime()).as("the server's selector still writing the handshake").isLessThan(deadline);
            Thread.sleep(1);
        }
    }

    /** Puts a text frame on the connection's queue the way send() does, but raises no write demand. */
    private static void queueWithoutDemand(WebSocketImpl connection, String text) throws InterruptedException {
        for (Framedata frame : connection.getDraft().createFrames(text, false)) {
            ByteBuffer bytes = connection.getDraft().createBinaryFrame(frame);
            connection.outQueue.put(bytes);
        }
    }
}
