package dev.tandem.agent.rfb.encoding;

/** Reads an encoder's output the way a viewer reads the socket: big-endian integers, byte by byte. */
final class WireReader {
    private final byte[] bytes;
    private int position;

    WireReader(byte[] bytes) {
        this.bytes = bytes;
    }

    int u8() {
        if (position >= bytes.length) {
            throw new AssertionError("payload ended early at byte " + position);
        }
        return bytes[position++] & 0xFF;
    }

    int u16() {
        return (u8() << 8) | u8();
    }

    int u32() {
        return (u16() << 16) | u16();
    }

    byte[] bytes(int count) {
        if (position + count > bytes.length) {
            throw new AssertionError("payload ended early: wanted " + count + " bytes at " + position + " of "
                    + bytes.length);
        }
        byte[] copy = java.util.Arrays.copyOfRange(bytes, position, position + count);
        position += count;
        return copy;
    }

    int remaining() {
        return bytes.length - position;
    }
}
