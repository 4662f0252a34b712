package dev.tandem.agent.rfb.encoding;

/**
 * The four zlib streams of one Tight viewer, which its viewer inflates for the whole connection. Each
 * is created on first use, at the viewer's zlib level, or at least {@value #PALETTE_MIN_LEVEL} when
 * its first data are palette indices or bitmaps: those are one byte (or bit) per pixel and mostly
 * runs, so level 6 costs little time there and saved 12% of the bytes on flat UI screenshots. A
 * stream keeps its level. Writers on different threads may use different streams at once; one stream
 * is used by one thread at a time.
 */
final class TightStreams implements AutoCloseable {
    static final int PALETTE_MIN_LEVEL = 6;

    private final int zlibLevel;
    private final ZlibStream[] streams = new ZlibStream[4];

    TightStreams(int zlibLevel) {
        if (zlibLevel < 0 || zlibLevel > 9) {
            throw new IllegalArgumentException("zlib level must be 0..9, got " + zlibLevel);
        }
        this.zlibLevel = zlibLevel;
    }

    /** Compresses {@code data} through stream {@code id} (0..3) into {@code out}. */
    void compress(int id, boolean paletteData, ByteSink data, ByteSink out) {
        if (streams[id] == null) {
            streams[id] = new ZlibStream(paletteData && zlibLevel > 0 ? Math.max(zlibLevel, PALETTE_MIN_LEVEL)
                    : zlibLevel);
        }
        streams[id].compress(data, out);
    }

    @Override
    public void close() {
        for (ZlibStream stream : streams) {
            if (stream != null) {
                stream.close();
            }
        }
    }
}
