package dev.tandem.agent.rfb.encoding;

import java.util.zip.Deflater;

/**
 * One zlib stream of one viewer: ZRLE has one, Tight four. The viewer keeps the matching inflater for
 * the whole connection, so the stream is never reset, and every rectangle ends with a sync flush so
 * that the viewer can decode it without waiting for the next. Not thread-safe.
 */
final class ZlibStream {
    private final Deflater deflater;

    ZlibStream(int level) {
        if (level < 0 || level > 9) {
            throw new IllegalArgumentException("zlib level must be 0..9, got " + level);
        }
        deflater = new Deflater(level);
    }

    /** Compresses {@code length} bytes of {@code data} into {@code out}, then sync-flushes. */
    void compress(byte[] data, int offset, int length, ByteSink out) {
        deflater.setInput(data, offset, length);
        while (true) {
            int room = Math.max(8192, length / 4);
            byte[] buf = out.ensureRoom(room);
            int written = deflater.deflate(buf, out.position(), room, Deflater.SYNC_FLUSH);
            out.advance(written);
            // A full buffer may hide more flushed output: the Deflater contract says to call again.
            if (written < room && deflater.needsInput()) {
                return;
            }
        }
    }

    void compress(ByteSink data, ByteSink out) {
        compress(data.buffer(), 0, data.size(), out);
    }

    void close() {
        deflater.end();
    }
}
