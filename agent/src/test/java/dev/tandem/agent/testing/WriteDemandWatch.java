package dev.tandem.agent.testing;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.server.WebSocketServer;

/**
 * Keeps a Java-WebSocket server that stands in for the Tandem server in a test from sitting on a
 * frame it was asked to send.
 *
 * <p>Java-WebSocket's server (1.6.0) queues a frame sent from any thread other than its selector and
 * raises a write demand on the connection's key; but when the selector has just drained the queue
 * of an earlier frame it resets the key to read-only afterwards, and a demand raised in between is
 * lost: the frame then waits for the next unrelated event on that connection, which in a scripted
 * test may never come (a welcome sent right after the handshake was once stuck this way, under
 * CI load). Our own server is Jetty and does not have this; only the test stand-ins do. The watch
 * raises the demand again, every {@value #PERIOD_MILLIS} ms, for every connection whose queue is
 * not empty, until {@link #close()}.
 */
public final class WriteDemandWatch implements AutoCloseable {
    static final long PERIOD_MILLIS = 20;

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "write-demand-watch");
        thread.setDaemon(true);
        return thread;
    });

    private final ScheduledFuture<?> task;

    private WriteDemandWatch(WebSocketServer server) {
        task = TIMER.scheduleWithFixedDelay(() -> raisePending(server), PERIOD_MILLIS, PERIOD_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    /** Starts watching {@code server}'s connections; close the watch when the server stops. */
    public static WriteDemandWatch on(WebSocketServer server) {
        return new WriteDemandWatch(server);
    }

    private static void raisePending(WebSocketServer server) {
        for (WebSocket connection : server.getConnections()) {
            if (connection instanceof WebSocketImpl && connection.isOpen()
                    && !((WebSocketImpl) connection).outQueue.isEmpty()) {
                try {
                    server.onWriteDemand(connection);
                } catch (RuntimeException closing) {
                    // the connection or the server is going away: nothing left to send
                }
            }
        }
    }

    @Override
    public void close() {
        task.cancel(false);
    }
}
