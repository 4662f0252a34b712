package dev.tandem.server.ws;

import dev.tandem.server.ErrorCode;
import dev.tandem.server.events.Outlet;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
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
 * up to {@link #MAX_BATCH_BYTES} of them go to Jetty together, each as it is. Jetty writes queued
 * frames with one gathering write, so a screen update crosses the viewer's socket in a few large
 * writes and one completion per batch, without the copy that joining them into one frame cost (a
 * 1 MiB array per join, which the garbage collector had to treat as a humongous object).
 * Text frames and pings keep their place; nothing is batched across them.
 *
 * <p>A binary frame may come with a {@code sent} hook ({@link #send(ByteBuffer, Runnable)}): it runs
 * exactly once, when Jetty has written the frame or when the frame is dropped (the socket failed,
 * closed or fell behind). The relay lends its pooled buffers this way and takes them back there.
 *
 * <p>Thread-safe: every method may be called from any thread.
 */
public final class SocketSender implements Outlet {
    static final int DEFAULT_MAX_QUEUED = 1024;
    static final long DEFAULT_MAX_QUEUED_BYTES = 16L << 20;
    /** The most bytes of queued binary frames a byte-stream sender hands to Jetty at once. */
    static final int MAX_BATCH_BYTES = 1 << 20;
    /** A WebSocket close reason is at most 123 bytes of UTF-8. */
    private static final int MAX_REASON_BYTES = 123;
    private static final Object PING = new Object();
    private static final Runnable NOTHING = () -> { };
    private static final String TOO_SLOW = "The connection is too slow to keep up with the session.";
    private final Session session;
    private final int maxQueued;
    private final long maxQueuedBytes;
    private final int maxBatchBytes;
    private final Deque<Object> queue = new ArrayDeque<>();
    private long queuedBytes;
    private boolean sending;
    private boolean accepting = true;
    private Integer closeCode;
    private String closeReason;

    SocketSender(Session session, int maxQueued, long maxQueuedBytes, int maxBatchBytes) {
        this.session = session;
        this.maxQueued = maxQueued;
        this.maxQueuedBytes = maxQueuedBytes;
        this.maxBatchBytes = maxBatchBytes;
    }

    /** A sender whose frames are messages of their own (JSON, or the agent's stream frames). */
    public SocketSender(Session session) {
        this(session, DEFAULT_MAX_QUEUED, DEFAULT_MAX_QUEUED_BYTES, 0);
    }

    /**
     * A sender whose binary frames are consecutive pieces of one byte stream, so that queued ones may
     * leave together in one write; the peer must not care where one frame ends (plain RFB does not).
     */
    public static SocketSender forByteStream(Session session) {
        return new SocketSender(session, DEFAULT_MAX_QUEUED, DEFAULT_MAX_QUEUED_BYTES, MAX_BATCH_BYTES);
    }

    /** Queues a text frame; false when the socket is closing or the peer is too slow (it gets closed). */
    @Override
    public boolean send(String frame) {
        return enqueue(frame, frame.length());
    }

    /** Queues a binary frame (the buffer's remaining bytes; it must not change afterwards). */
    @Override
    public boolean send(ByteBuffer frame) {
        return send(frame, NOTHING);
    }

    /**
     * Queues a binary frame whose buffer is only lent: {@code sent} runs once the frame is written or
     * dropped, also when this returns false (then it has run already).
     */
    @Override
    public boolean send(ByteBuffer frame, Runnable sent) {
        return enqueue(new Binary(frame, sent), frame.remaining());
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

    /** A queued binary frame and what runs once it has left or was dropped. */
    private record Binary(ByteBuffer bytes, Runnable sent) {
    }

    private static long sizeOf(Object frame) {
        if (frame instanceof Binary binary) {
            return binary.bytes.remaining();
        }
        return frame instanceof String text ? text.length() : 0;
    }

    private boolean enqueue(Object frame, long bytes) {
        boolean queued = false;
        boolean start = false;
        boolean tooSlow = false;
        List<Object> dropped = null;
        synchronized (this) {
            if (!accepting) {
                // closing: refused below
            } else if (queue.size() >= maxQueued || queuedBytes + bytes > maxQueuedBytes) {
                accepting = false;
                dropped = drain();
                tooSlow = true;
            } else {
                queue.addLast(frame);
                queuedBytes += bytes;
                queued = true;
                start = !sending;
                sending = true;
            }
        }
        if (!queued) {
            // Refused: the frame never entered the queue, so its buffer goes back at once.
            sentOrDropped(frame);
            sentOrDropped(dropped);
            if (tooSlow) {
                session.close(ErrorCode.Socket.POLICY, TOO_SLOW, Callback.NOOP);
            }
            return false;
        }
        if (start) {
            pump();
        }
        return true;
    }

    /** With the monitor held: empties the queue and returns what was in it. */
    private List<Object> drain() {
        List<Object> dropped = new ArrayList<>(queue);
        queue.clear();
        queuedBytes = 0;
        return dropped;
    }

    private static void sentOrDropped(List<Object> frames) {
        if (frames != null) {
            frames.forEach(SocketSender::sentOrDropped);
        }
    }

    private static void sentOrDropped(Object frame) {
        if (frame instanceof Binary binary) {
            binary.sent.run();
        }
    }

    private void pump() {
        Object next;
        List<Binary> batch = null;
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
                if (next instanceof Binary first) {
                    batch = takeFollowingBinary(first);
                }
            }
        }
        if (next == null) {
            if (code != null) {
                session.close(code, reason, Callback.NOOP);
            }
            return;
        }
        if (batch != null) {
            sendBatch(batch);
            return;
        }
        Callback done = Callback.from(this::pump, this::failed);
        if (next == PING) {
            session.sendPing(ByteBuffer.allocate(0), done);
        } else {
            session.sendText((String) next, done);
        }
    }

    /**
     * Hands every frame of {@code batch} to Jetty at once, which queues them in order and writes what
     * it holds with one gathering write; the next pump waits for the last of them.
     */
    private void sendBatch(List<Binary> batch) {
        AtomicInteger left = new AtomicInteger(batch.size());
        AtomicBoolean failed = new AtomicBoolean();
        for (Binary frame : batch) {
            session.sendBinary(frame.bytes, Callback.from(() -> {
                frame.sent.run();
                if (left.decrementAndGet() == 0 && !failed.get()) {
                    pump();
                }
            }, failure -> {
                frame.sent.run();
                if (failed.compareAndSet(false, true)) {
                    failed(failure);
                }
            }));
        }
    }

    /** Jetty could not send: nothing more leaves, and what waited is dropped. */
    private void failed(Throwable failure) {
        List<Object> dropped;
        synchronized (this) {
            accepting = false;
            sending = false;
            dropped = drain();
        }
        sentOrDropped(dropped);
    }

    /**
     * With the monitor held: {@code first} and, for a byte stream, the binary frames queued right
     * behind it, as long as together they fit in one batch.
     */
    private List<Binary> takeFollowingBinary(Binary first) {
        List<Binary> batch = new ArrayList<>();
        batch.add(first);
        long batched = first.bytes.remaining();
        while (queue.peekFirst() instanceof Binary piece && batched + piece.bytes.remaining() <= maxBatchBytes) {
            queue.pollFirst();
            batch.add(piece);
            batched += piece.bytes.remaining();
            queuedBytes -= piece.bytes.remaining();
        }
        return batch;
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
