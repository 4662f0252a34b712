package dev.tandem.server.net;

import dev.tandem.server.ErrorCode;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Reads a request's whole body before any thread works on the request. The routes read bodies with
 * blocking calls: a client trickling its body one byte at a time used to hold a server thread for
 * as long as it liked, and a few hundred of them held every thread. Here the bytes are gathered as
 * they arrive, with no thread waiting, up to {@code maxBytes} (413 beyond) and within
 * {@code deadline} from the request's headers (408 after it); only then does the request go on,
 * its body already in memory.
 *
 * <p>A body found too large is still read to its end (and thrown away, up to {@link #DRAIN_FACTOR}
 * times {@code maxBytes}) before the 413 goes out: a server that answers and closes while the client
 * is still sending makes the client's TCP stack see a reset, and the client never reads the answer.
 *
 * <p>Thread-safe; one loader per request.
 */
public final class EagerBodies extends Handler.Wrapper {
    /** How much of a too-large body is read and thrown away so that the client sees the 413. */
    static final int DRAIN_FACTOR = 8;
    private final int maxBytes;
    private final Duration deadline;

    public EagerBodies(int maxBytes, Duration deadline) {
        this.maxBytes = maxBytes;
        this.deadline = deadline;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long declared = request.getLength();
        boolean chunked = false;
        for (HttpField field : request.getHeaders()) {
            if (field.getHeader() == HttpHeader.TRANSFER_ENCODING) {
                chunked = true;
            }
        }
        if (declared <= 0 && !chunked) {
            return super.handle(request, response, callback);
        }
        if (declared > (long) maxBytes * DRAIN_FACTOR) {
            tooLarge(response, callback); // not worth reading: the client may see a reset instead
            return true;
        }
        new Loader(request, response, callback, declared, declared > maxBytes).start();
        return true;
    }

    /** Gathers one request's body, then hands the request on. */
    private final class Loader implements Runnable {
        private final Request request;
        private final Response response;
        private final Callback callback;
        private final ByteArrayOutputStream body;
        private final AtomicBoolean finished = new AtomicBoolean();
        /** Set only when the body did not arrive with the headers; may be set after the loader finished. */
        private volatile Scheduler.Task timeout;
        private volatile boolean discarding;
        private long discarded;

        Loader(Request request, Response response, Callback callback, long declared, boolean discarding) {
            this.request = request;
            this.response = response;
            this.callback = callback;
            this.discarding = discarding;
            this.body = new ByteArrayOutputStream(declared > 0 && !discarding ? (int) declared : 1024);
        }

        /**
         * Reads what has arrived, and only when more is awaited starts the clock: most bodies come
         * with their headers, and scheduling and cancelling a timer for each was work on every request.
         */
        void start() {
            run();
            if (finished.get()) {
                return;
            }
            long left = deadline.toNanos() - (System.nanoTime() - request.getHeadersNanoTime());
            Scheduler.Task task = request.getComponents().getScheduler().schedule(this::tooSlow, Math.max(1, left),
                    TimeUnit.NANOSECONDS);
            timeout = task;
            if (finished.get()) {
                task.cancel(); // finished on another thread meanwhile, which found no timer to cancel
            }
        }

        private void stopClock() {
            Scheduler.Task task = timeout;
            if (task != null) {
                task.cancel();
            }
        }

        /** Reads what has arrived; asks to be called again when more does. */
        @Override
        public void run() {
            while (!finished.get()) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    request.demand(this);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    if (finished.compareAndSet(false, true)) {
                        stopClock();
                        callback.failed(chunk.getFailure());
                    }
                    return;
                }
                ByteBuffer bytes = chunk.getByteBuffer();
                if (!discarding && body.size() + bytes.remaining() > maxBytes) {
                    discarding = true;
                    body.reset();
                }
                if (discarding) {
                    discarded += bytes.remaining();
                    boolean last = chunk.isLast();
                    chunk.release();
                    if ((last || discarded > (long) maxBytes * DRAIN_FACTOR) && finished.compareAndSet(false, true)) {
                        stopClock();
                        tooLarge(response, callback);
                        return;
                    }
                    continue;
                }
                byte[] copy = new byte[bytes.remaining()];
                bytes.get(copy);
                body.write(copy, 0, copy.length);
                boolean last = chunk.isLast();
                chunk.release();
                if (last) {
                    if (finished.compareAndSet(false, true)) {
                        stopClock();
                        handOn();
                    }
                    return;
                }
            }
        }

        private void tooSlow() {
            if (!finished.compareAndSet(false, true)) {
                return;
            }
            if (discarding) {
                tooLarge(response, callback);
            } else {
                JsonRefusal.write(response, callback, ErrorCode.BODY_TOO_SLOW, "The request body did not arrive within "
                        + deadline.toSeconds() + " seconds. Check the connection and send it again.", 0);
            }
        }

        private void handOn() {
            Request whole = new WholeBody(request, ByteBuffer.wrap(body.toByteArray()));
            try {
                if (!getHandler().handle(whole, response, callback)) {
                    Response.writeError(request, response, callback, 404);
                }
            } catch (Throwable failure) {
                Response.writeError(request, response, callback, failure);
            }
        }
    }

    private static void tooLarge(Response response, Callback callback) {
        JsonRefusal.write(response, callback, ErrorCode.BODY_TOO_LARGE, "The request body is too large.", 0);
    }

    /** The request with its body already read: one last chunk, then the end. */
    private static final class WholeBody extends Request.Wrapper {
        private ByteBuffer remaining;

        WholeBody(Request wrapped, ByteBuffer body) {
            super(wrapped);
            this.remaining = body;
        }

        @Override
        public synchronized Content.Chunk read() {
            if (remaining == null) {
                return Content.Chunk.EOF;
            }
            Content.Chunk chunk = Content.Chunk.from(remaining, true);
            remaining = null;
            return chunk;
        }

        @Override
        public void demand(Runnable demandCallback) {
            demandCallback.run();
        }
    }
}
