package dev.tandem.server.net;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Bounds the time a client may take to send a request's headers. Jetty parses headers without a
 * thread, but a client sending one byte every few seconds keeps its connection (and the idle timeout
 * never fires). Every HTTP/1 connection is looked at every half {@code limit}: one found twice in a
 * row in the middle of the same request's headers is closed. A connection that became a WebSocket
 * is no longer looked at.
 *
 * <p>Thread-safe: the look is a read of the parser's state from the scheduler's thread, at worst one
 * round late.
 */
public final class HeaderDeadline implements Connection.Listener {
    private final Scheduler scheduler;
    private final long periodNanos;

    public HeaderDeadline(Scheduler scheduler, Duration limit) {
        this.scheduler = scheduler;
        this.periodNanos = limit.toNanos() / 2;
    }

    @Override
    public void onOpened(Connection connection) {
        if (connection instanceof HttpConnection http) {
            scheduler.schedule(new Watch(http), periodNanos, TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public void onClosed(Connection connection) {
        // The watch sees the endpoint closed and stops.
    }

    /** One connection's watch: notes which request was stuck in its headers at the last look. */
    private final class Watch implements Runnable {
        private final HttpConnection connection;
        private long stuckRequest = -1;

        Watch(HttpConnection connection) {
            this.connection = connection;
        }

        @Override
        public void run() {
            if (!connection.getEndPoint().isOpen() || connection.getEndPoint().getConnection() != connection) {
                return;
            }
            HttpParser parser = connection.getParser();
            boolean inHeaders = parser.inHeaderState() && !parser.isState(HttpParser.State.START);
            long request = connection.getMessagesIn();
            if (inHeaders && request == stuckRequest) {
                connection.getEndPoint().close();
                return;
            }
            stuckRequest = inHeaders ? request : -1;
            scheduler.schedule(this, periodNanos, TimeUnit.NANOSECONDS);
        }
    }
}
