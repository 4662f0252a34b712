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
 * <p>The connection is done with a frame's bytes when it returns: the WebSocket masks them into a
 * frame of its own (a client's frames must be masked, RFC 6455 5.3). So one buffer serves every
 * frame; a new 64 KiB array per frame, zeroed and soon garbage, showed in the relay benchmark's
 * profile as allocation and page faults on the phone's side.
 *
 * <p>Thread-safe, though one RFB stream writes from one thread only.
 */
final class FrameOutput extends OutputStream {
    private final long stream;
    private final Consumer<ByteBuffer> connection;
    /** The next frame: its header's room, then the payload collected so far. */
    private final byte[] buffer = new byte[StreamFrame.HEADER_BYTES + StreamFrame.MAX_PAYLOAD];
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

    /** Sends the collected frame; the connection has taken its bytes when it returns. */
    private void sendBuffered() {
        int payload = filled - StreamFrame.HEADER_BYTES;
        filled = StreamFrame.HEADER_BYTES;
        connection.accept(StreamFrame.wrap(stream, buffer, payload));
    }
}
