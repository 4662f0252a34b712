package dev.tandem.server.live;

import java.util.ArrayDeque;
import java.util.Deque;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * Sends text frames on one WebSocket, one at a time and in order, from any thread. Jetty's send is
 * asynchronous; this keeps at most one frame in flight and queues the rest up to a bound. A peer
 * that falls that far behind is too slow to follow the session and is closed with 1008, so a stuck
 * reader can never make the server's memory grow.
 *
 * <p>Thread-safe: every method may be called from any thread.
 */
public final class SocketSender {
    static final int DEFAULT_MAX_QUEUED = 1024;
    private final Session session;
    private final int maxQueued;
    private final Deque<String> queue = new ArrayDeque<>();
    private boolean sending;
    private boolean accepting = true;
    private Integer closeCode;
    private String closeReason;

    public SocketSender(Session session, int maxQueued) {
        this.session = session;
        this.maxQueued = maxQueued;
    }

    public SocketSender(Session session) {
        this(session, DEFAULT_MAX_QUEUED);
    }

    /** Queues {@code frame}; false when the socket is closing or the peer is too slow (it gets closed). */
    public boolean send(String frame) {
        boolean start;
        synchronized (this) {
            if (!accepting) {
                return false;
            }
            if (queue.size() >= maxQueued) {
                accepting = false;
                queue.clear();
                start = false;
            } else {
                queue.addLast(frame);
                start = !sending;
                sending = true;
            }
        }
        if (!start && !isAccepting()) {
            session.close(1008, "The connection is too slow to keep up with the session.", Callback.NOOP);
            return false;
        }
        if (start) {
            pump();
        }
        return true;
    }

    /** Sends what is already queued, then closes with {@code code} and {@code reason}. */
    public void close(int code, String reason) {
        synchronized (this) {
            if (!accepting) {
                return;
            }
            accepting = false;
            if (sending) {
                closeCode = code;
                closeReason = reason;
                return;
            }
        }
        session.close(code, reason, Callback.NOOP);
    }

    private synchronized boolean isAccepting() {
        return accepting;
    }

    private void pump() {
        String next;
        Integer code = null;
        String reason = null;
        synchronized (this) {
            next = queue.pollFirst();
            if (next == null) {
                sending = false;
                code = closeCode;
                reason = closeReason;
                closeCode = null;
            }
        }
        if (next == null) {
            if (code != null) {
                session.close(code, reason, Callback.NOOP);
            }
            return;
        }
        session.sendText(next, Callback.from(this::pump, failure -> {
            synchronized (this) {
                accepting = false;
                sending = false;
                queue.clear();
            }
        }));
    }
}
