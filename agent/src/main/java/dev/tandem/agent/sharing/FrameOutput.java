package dev.tandem.agent.sharing;

import dev.tandem.protocol.stream.StreamFrame;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
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
    private final byte[] buffer = new byte[StreamFrame.MAX_PAYLOAD];
    private int filled;
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
        if (filled > 0) {
            sendBuffered();
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        filled = 0;
    }

    private void open() throws IOException {
        if (closed) {
            throw new IOException("the viewer's stream is closed");
        }
    }

    private void sendBuffered() {
        connection.accept(StreamFrame.encode(stream, ByteBuffer.wrap(buffer, 0, filled)));
        filled = 0;
    }
}
