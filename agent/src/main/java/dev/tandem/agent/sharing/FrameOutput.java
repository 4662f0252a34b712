package dev.tandem.agent.sharing;

import dev.tandem.protocol.stream.StreamFrame;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The {@link OutputStream} one RFB stream writes to the viewer: bytes are collected and sent as
 * binary {@link StreamFrame}s of this stream on {@link #flush()}, or whenever a frame is full. After
 * {@link #close()} every write fails, which ends the stream's writer.
 *
 * <p>Thread-safe, though one RFB stream writes from one thread only.
 */
final class FrameOutput extends OutputStream {
    private final long stream;
    private final Consumer<ByteBuffer> connection;
    /** The next frame: its header's room, then the payload collected so far; handed over when sent. */
    private byte[] buffer = newFrame();
    private int filled = StreamFrame.HEADER_BYTES;
    private boolean closed;

    FrameOutput(long stream, Consumer<ByteBuffer> connection) {
        this.stream = stream;
        this.connection = connection;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        open();
        if (filled == buffer.length) {
            sendBuffered();
        }
        buffer[filled++] = (byte) b;
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        open();
        int at = offset;
        int end = offset + length;
        while (at < end) {
            if (filled == buffer.length) {
                sendBuffered();
            }
            int n = Math.min(end - at, buffer.length - filled);
            System.arraycopy(bytes, at, buffer, filled, n);
            filled += n;
            at += n;
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        open();
        if (filled > StreamFrame.HEADER_BYTES) {
            sendBuffered();
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        filled = StreamFrame.HEADER_BYTES;
    }

    private void open() throws IOException {
        if (closed) {
            throw new IOException("the viewer's stream is closed");
        }
    }

    /**
     * Hands the collected frame over (the connection may queue it): a full one as it is, without a
     * copy, and a new array takes its place; a small one (input echoes, small updates) as an exact copy,
     * so a queued frame never holds 64 KiB for a few bytes.
     */
    private void sendBuffered() {
        int payload = filled - StreamFrame.HEADER_BYTES;
        byte[] frame;
        if (filled >= buffer.length / 4) {
            frame = buffer;
            buffer = newFrame();
        } else {
            frame = Arrays.copyOf(buffer, filled);
        }
        filled = StreamFrame.HEADER_BYTES;
        connection.accept(StreamFrame.wrap(stream, frame, payload));
    }

    private static byte[] newFrame() {
        return new byte[StreamFrame.HEADER_BYTES + StreamFrame.MAX_PAYLOAD];
    }
}
