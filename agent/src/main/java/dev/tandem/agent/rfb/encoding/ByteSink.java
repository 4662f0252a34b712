package dev.tandem.agent.rfb.encoding;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * A growable byte buffer that encoders write into; multi-byte integers are big-endian as RFB wants
 * (pixel values follow the viewer's {@link PixelFormat} instead). Meant to be reset and reused for
 * every update so that encoding allocates nothing per pixel. Not thread-safe.
 */
public final class ByteSink {
    private byte[] buffer;
    private int size;

    private ByteSink(int capacity) {
        buffer = new byte[Math.max(16, capacity)];
    }

    public static ByteSink create(int initialCapacity) {
        return new ByteSink(initialCapacity);
    }

    public static ByteSink create() {
        return new ByteSink(64 * 1024);
    }

    public int size() {
        return size;
    }

    /** Forgets the content and keeps the capacity. */
    public void reset() {
        size = 0;
    }

    public void writeByte(int b) {
        if (size == buffer.length) {
            grow(1);
        }
        buffer[size++] = (byte) b;
    }

    public void writeU16(int v) {
        ensureRoom(2);
        buffer[size] = (byte) (v >>> 8);
        buffer[size + 1] = (byte) v;
        size += 2;
    }

    public void writeU32(int v) {
        ensureRoom(4);
        putU32(size, v);
        size += 4;
    }

    /** Overwrites four bytes already written at {@code position}, e.g. a length known only afterwards. */
    public void setU32(int position, int v) {
        if (position < 0 || position + 4 > size) {
            throw new IndexOutOfBoundsException("no four written bytes at " + position + " of " + size);
        }
        putU32(position, v);
    }

    public void write(byte[] bytes) {
        write(bytes, 0, bytes.length);
    }

    public void write(byte[] bytes, int offset, int length) {
        ensureRoom(length);
        System.arraycopy(bytes, offset, buffer, size, length);
        size += length;
    }

    /** Appends everything written to {@code other}. */
    public void write(ByteSink other) {
        write(other.buffer, 0, other.size);
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buffer, size);
    }

    public void writeTo(OutputStream out) throws IOException {
        out.write(buffer, 0, size);
    }

    /** The byte at {@code index}, 0..255. */
    public int byteAt(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index + " of " + size);
        }
        return buffer[index] & 0xFF;
    }

    // Direct access for the hot loops of this package: ensure room, write at position(), then advance.

    byte[] ensureRoom(int extra) {
        if (buffer.length - size < extra) {
            grow(extra);
        }
        return buffer;
    }

    int position() {
        return size;
    }

    void advance(int count) {
        size += count;
    }

    byte[] buffer() {
        return buffer;
    }

    private void putU32(int at, int v) {
        buffer[at] = (byte) (v >>> 24);
        buffer[at + 1] = (byte) (v >>> 16);
        buffer[at + 2] = (byte) (v >>> 8);
        buffer[at + 3] = (byte) v;
    }

    private void grow(int extra) {
        long wanted = Math.max((long) buffer.length * 2, (long) size + extra);
        if (wanted > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("an RFB update cannot exceed 2 GB");
        }
        buffer = Arrays.copyOf(buffer, (int) wanted);
    }
}
