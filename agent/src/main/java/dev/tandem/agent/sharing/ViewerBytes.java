package dev.tandem.agent.sharing;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;

/**
 * The bytes one viewer sent, as the {@link InputStream} its RFB stream reads: chunks are handed in
 * from the connection as they arrive and read in order. Bounded: a viewer that sends more than
 * {@code capacity} bytes ahead of the reader is refused ({@link #offer} returns false), since a
 * well-behaved viewer sends a few small messages per update. {@link #close()} wakes a blocked reader,
 * which then sees the end of the stream.
 *
 * <p>Thread-safe: one thread offers, another reads.
 */
final class ViewerBytes extends InputStream {
    private final int capacity;
    private final ArrayDeque<ByteBuffer> chunks = new ArrayDeque<>();
    private int buffered;
    private boolean closed;

    ViewerBytes(int capacity) {
        this.capacity = capacity;
    }

    /** Queues a copy of the chunk's remaining bytes; false when closed or over capacity. */
    synchronized boolean offer(ByteBuffer chunk) {
        if (closed) {
            return false;
        }
        int length = chunk.remaining();
        if (buffered + length > capacity) {
            return false;
        }
        if (length > 0) {
            ByteBuffer copy = ByteBuffer.allocate(length);
            copy.put(chunk.duplicate()).flip();
            chunks.addLast(copy);
            buffered += length;
            notifyAll();
        }
        return true;
    }

    @Override
    public synchronized int read() throws IOException {
        if (!await()) {
            return -1;
        }
        ByteBuffer head = chunks.peekFirst();
        int value = head.get() & 0xFF;
        consumed(head, 1);
        return value;
    }

    @Override
    public synchronized int read(byte[] into, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!await()) {
            return -1;
        }
        int copied = 0;
        while (copied < length && !chunks.isEmpty()) {
            ByteBuffer head = chunks.peekFirst();
            int n = Math.min(length - copied, head.remaining());
            head.get(into, offset + copied, n);
            copied += n;
            consumed(head, n);
        }
        return copied;
    }

    @Override
    public synchronized int available() {
        return buffered;
    }

    @Override
    public synchronized void close() {
        closed = true;
        chunks.clear();
        buffered = 0;
        notifyAll();
    }

    /** Waits for bytes; false at the end of the stream. */
    private boolean await() throws IOException {
        try {
            while (chunks.isEmpty() && !closed) {
                wait();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the viewer");
        }
        return !chunks.isEmpty();
    }

    private void consumed(ByteBuffer head, int n) {
        buffered -= n;
        if (!head.hasRemaining()) {
            chunks.pollFirst();
        }
    }
}
