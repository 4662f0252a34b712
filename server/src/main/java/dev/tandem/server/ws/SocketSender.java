package dev.tandem.server.ws;

import dev.tandem.server.ErrorCode;
import dev.tandem.server.events.Outlet;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * Sends frames (text or binary) on one WebSocket, one at a time and in order, from any thread.
 * Jetty's send is asynchronous; this keeps at most one frame in flight and queues the rest up to a
 * bound on frames and on bytes. A peer that falls that far behind is too slow to follow the session
 * and is closed with 1008, so a stuck reader can never make the server's memory grow.
 *
 * <p>A sender {@link #forByteStream for a byte stream} (a viewer's RFB) treats its binary frames as
 * pieces of one stream: when the previous send completes and several binary frames wait in a row,
 * they leave as one frame of up to {@link #MAX_JOINED_BYTES}. A screen update then crosses the
 * viewer's socket in a few large frames rather than one per 64 KiB device frame, which saves a
 * write, a completion and a frame header per piece on the server and a frame parse on the viewer.
 * Text frames and pings keep their place; nothing is joined across them.
 *
 * <p>Thread-safe: every method may be called from any thread.
 */
public final class SocketSender implements Outlet {
    static final int DEFAULT_MAX_QUEUED = 1024;
    static final long DEFAULT_MAX_QUEUED_BYTES = 16L << 20;
    /** The largest frame a byte-stream sender makes by joining queued binary frames. */
    static final int MAX_JOINED_BYTES = 1 << 20;
    /** A WebSocket close reason is at most 123 bytes of UTF-8. */
    private static final int MAX_REASON_BYTES = 123;
    private static final Object PING = new Object();
    private static final String TOO_SLOW = "The connection is too slow to keep up with the session.";
    private final Session session;
    private final int maxQueued;
    private final long maxQueuedBytes;
    private final int maxJoinedBytes;
    private final Deque<Object> queue = new ArrayDeque<>();
    private long queuedBytes;
    private boolean sending;
    private boolean accepting = true;
    private Integer closeCode;
    private String closeReason;

    SocketSender(Session session, int maxQueued, long maxQueuedBytes, int maxJoinedBytes) {
        this.session = session;
        this.maxQueued = maxQueued;
        this.maxQueuedBytes = maxQueuedBytes;
        this.maxJoinedBytes = maxJoinedBytes;
    }

    /** A sender whose frames are messages of their own (JSON, or the agent's stream frames). */
    public SocketSender(Session session) {
        this(session, DEFAULT_MAX_QUEUED, DEFAULT_MAX_QUEUED_BYTES, 0);
    }

    /**
     * A sender whose binary frames are consecutive pieces of one byte stream, so that queued ones may
     * leave joined; the peer must not care where one frame ends (plain RFB does not).
     */
    public static SocketSender forByteStream(Session session) {
        return new SocketSender(session, DEFAULT_MAX_QUEUED, DEFAULT_MAX_QUEUED_BYTES, MAX_JOINED_BYTES);
    }

    /** Queues a text frame; false when the socket is closing or the peer is too slow (it gets closed). */
    @Override
    public boolean send(String frame) {
        return enqueue(frame, frame.length());
    }

    /** Queues a binary frame (the buffer's remaining bytes; it must not change afterwards). */
    @Override
    public boolean send(ByteBuffer frame) {
        return enqueue(frame, frame.remaining());
    }

    /** Queues a WebSocket ping, which keeps an idle connection (and its proxies) open. */
    @Override
    public boolean ping() {
        return enqueue(PING, 0);
    }

    /** Sends what is already queued, then closes with {@code code} and {@code reason}. */
    @Override
    public void close(int code, String reason) {
        String shortReason = fit(reason);
        synchronized (this) {
            if (!accepting) {
                return;
            }
            accepting = false;
            if (sending) {
                closeCode = code;
                closeReason = shortReason;
                return;
            }
        }
        session.close(code, shortReason, Callback.NOOP);
    }

    /** True until the socket starts closing. */
    public synchronized boolean isOpen() {
        return accepting && session.isOpen();
    }

    private static long sizeOf(Object frame) {
        if (frame instanceof ByteBuffer binary) {
            return binary.remaining();
        }
        return frame instanceof String text ? text.length() : 0;
    }

    private boolean enqueue(Object frame, long bytes) {
        boolean start;
        boolean tooSlow = false;
        synchronized (this) {
            if (!accepting) {
                return false;
            }
            if (queue.size() >= maxQueued || queuedBytes + bytes > maxQueuedBytes) {
                accepting = false;
                queue.clear();
                queuedBytes = 0;
                tooSlow = true;
                start = false;
            } else {
                queue.addLast(frame);
                queuedBytes += bytes;
                start = !sending;
                sending = true;
            }
        }
        if (tooSlow) {
            session.close(ErrorCode.Socket.POLICY, TOO_SLOW, Callback.NOOP);
            return false;
        }
        if (start) {
            pump();
        }
        return true;
    }

    private void pump() {
        Object next;
        List<ByteBuffer> pieces = null;
        Integer code = null;
        String reason = null;
        synchronized (this) {
            next = queue.pollFirst();
            if (next == null) {
                sending = false;
                code = closeCode;
                reason = closeReason;
                closeCode = null;
            } else {
                queuedBytes -= sizeOf(next);
                if (next instanceof ByteBuffer first && queue.peekFirst() instanceof ByteBuffer) {
                    pieces = takeFollowingBinary(first);
                }
            }
        }
        if (next == null) {
            if (code != null) {
                session.close(code, reason, Callback.NOOP);
            }
            return;
        }
        if (pieces != null) {
            next = join(pieces);
        }
        Callback done = Callback.from(this::pump, failure -> {
            synchronized (this) {
                accepting = false;
                sending = false;
                queue.clear();
                queuedBytes = 0;
            }
        });
        if (next instanceof ByteBuffer binary) {
            session.sendBinary(binary, done);
        } else if (next == PING) {
            session.sendPing(ByteBuffer.allocate(0), done);
        } else {
            session.sendText((String) next, done);
        }
    }

    /**
     * With the monitor held: {@code first} and the binary frames queued right behind it, as long as
     * together they fit in one joined frame; null when there is nothing to join.
     */
    private List<ByteBuffer> takeFollowingBinary(ByteBuffer first) {
        long joined = first.remaining();
        List<ByteBuffer> pieces = null;
        while (queue.peekFirst() instanceof ByteBuffer piece && joined + piece.remaining() <= maxJoinedBytes) {
            if (pieces == null) {
                pieces = new ArrayList<>();
                pieces.add(first);
            }
            queue.pollFirst();
            pieces.add(piece);
            joined += piece.remaining();
            queuedBytes -= piece.remaining();
        }
        return pieces;
    }

    private static ByteBuffer join(List<ByteBuffer> pieces) {
        int size = 0;
        for (ByteBuffer piece : pieces) {
            size += piece.remaining();
        }
        ByteBuffer joined = ByteBuffer.allocate(size);
        for (ByteBuffer piece : pieces) {
            joined.put(piece.duplicate());
        }
        return joined.flip();
    }

    /** Cuts a close reason to what a close frame can carry, on a character boundary. */
    static String fit(String reason) {
        if (reason == null) {
            return "";
        }
        if (reason.getBytes(StandardCharsets.UTF_8).length <= MAX_REASON_BYTES) {
            return reason;
        }
        StringBuilder cut = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < reason.length(); ) {
            int cp = reason.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > MAX_REASON_BYTES - 3) {
                break;
            }
            cut.appendCodePoint(cp);
            bytes += size;
            i += Character.charCount(cp);
        }
        return cut.append("...").toString();
    }
}
