package dev.tandem.agent.rfb.encoding;

import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/** One viewer-side zlib stream: one Inflater for the whole connection, fed one rectangle at a time. */
final class ZlibReader {
    private Inflater inflater = new Inflater();

    /** Everything the compressed bytes of one rectangle inflate to; the rectangle must be flushed. */
    byte[] inflateAll(byte[] compressed) throws DataFormatException {
        inflater.setInput(compressed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[64 * 1024];
        while (true) {
            int n = inflater.inflate(chunk);
            out.write(chunk, 0, n);
            if (n == 0 && (inflater.needsInput() || inflater.finished())) {
                return out.toByteArray();
            }
        }
    }

    /** Exactly {@code length} bytes, as Tight's reader knows the size in advance; none may be left over. */
    byte[] inflateExactly(byte[] compressed, int length) throws DataFormatException {
        byte[] all = inflateAll(compressed);
        if (all.length != length) {
            throw new AssertionError("zlib data inflated to " + all.length + " bytes, expected " + length);
        }
        return all;
    }

    void reset() {
        inflater.end();
        inflater = new Inflater();
    }
}
