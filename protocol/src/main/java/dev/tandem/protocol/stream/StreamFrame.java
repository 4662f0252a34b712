package dev.tandem.protocol.stream;

import dev.tandem.protocol.Limits;
import dev.tandem.protocol.ProtocolException;
import dev.tandem.protocol.TandemStatus;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * One binary frame of the agent socket (docs/protocol.md section 1.9): byte 0 is the channel
 * ({@link #RFB} is the only one), bytes 1-4 the stream id (unsigned 32-bit, big-endian), the rest
 * that stream's bytes. Immutable; the payload is a read-only view.
 */
public final class StreamFrame {
    /** The channel of the RFB screen streams. */
    public static final int RFB = 1;
    /** Channel byte plus stream id. */
    public static final int HEADER_BYTES = 5;
    /** The most payload one frame carries, so that a frame stays within {@link Limits#MAX_FRAME_BYTES}. */
    public static final int MAX_PAYLOAD = Limits.MAX_FRAME_BYTES - HEADER_BYTES;
    private static final long MAX_STREAM = 0xFFFF_FFFFL;

    private final long stream;
    private final ByteBuffer payload;

    private StreamFrame(long stream, ByteBuffer payload) {
        this.stream = stream;
        this.payload = payload;
    }

    /** The stream id. */
    public long stream() {
        return stream;
    }

    /** The stream's bytes in this frame (a read-only view; position 0). */
    public ByteBuffer payload() {
        return payload.duplicate();
    }

    /** Reads a received frame; the buffer is not copied, so do not reuse it while the frame is in use. */
    public static StreamFrame decode(ByteBuffer frame) throws ProtocolException {
        ByteBuffer in = frame.duplicate();
        if (in.remaining() < HEADER_BYTES) {
            throw new ProtocolException(TandemStatus.MALFORMED, "A binary frame needs a 5-byte header.");
        }
        int channel = in.get() & 0xFF;
        if (channel != RFB) {
            throw new ProtocolException(TandemStatus.MALFORMED, "Unknown binary channel " + channel + ".");
        }
        long stream = in.getInt() & MAX_STREAM;
        return new StreamFrame(stream, in.slice().asReadOnlyBuffer());
    }

    /**
     * The frames that carry {@code length} bytes of {@code data} from {@code offset} for
     * {@code stream}, each at most {@link Limits#MAX_FRAME_BYTES} long.
     */
    public static List<ByteBuffer> encode(long stream, byte[] data, int offset, int length) {
        checkStream(stream);
        List<ByteBuffer> frames = new ArrayList<>(length / MAX_PAYLOAD + 1);
        int at = offset;
        int end = offset + length;
        do {
            int chunk = Math.min(MAX_PAYLOAD, end - at);
            ByteBuffer frame = ByteBuffer.allocate(HEADER_BYTES + chunk);
            frame.put((byte) RFB).putInt((int) stream).put(data, at, chunk).flip();
            frames.add(frame);
            at += chunk;
        } while (at < end);
        return frames;
    }

    /** One frame carrying all of {@code payload} (up to {@link #MAX_PAYLOAD} bytes) for {@code stream}. */
    public static ByteBuffer encode(long stream, ByteBuffer payload) {
        checkStream(stream);
        if (payload.remaining() > MAX_PAYLOAD) {
            throw new IllegalArgumentException("A frame carries at most " + MAX_PAYLOAD + " bytes");
        }
        ByteBuffer frame = ByteBuffer.allocate(HEADER_BYTES + payload.remaining());
        frame.put((byte) RFB).putInt((int) stream).put(payload.duplicate()).flip();
        return frame;
    }

    /**
     * The frame in {@code frame} whose payload the caller already wrote after {@link #HEADER_BYTES}
     * reserved bytes: the header goes into those, and the array is wrapped, not copied (the caller
     * hands it over).
     */
    public static ByteBuffer wrap(long stream, byte[] frame, int payloadLength) {
        checkStream(stream);
        if (payloadLength < 0 || payloadLength > MAX_PAYLOAD || HEADER_BYTES + payloadLength > frame.length) {
            throw new IllegalArgumentException("A frame carries 0.." + MAX_PAYLOAD + " bytes after its header, got "
                    + payloadLength + " in " + frame.length);
        }
        ByteBuffer wrapped = ByteBuffer.wrap(frame, 0, HEADER_BYTES + payloadLength);
        wrapped.put(0, (byte) RFB).putInt(1, (int) stream);
        return wrapped;
    }

    private static void checkStream(long stream) {
        if (stream <= 0 || stream > MAX_STREAM) {
            throw new IllegalArgumentException("A stream id is 1 .. 2^32-1, got " + stream);
        }
    }
}
