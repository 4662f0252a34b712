package dev.tandem.agent.rfb.encoding;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;

/**
 * Tight encoding (7, as documented in the community RFB specification): each piece of a rectangle is
 * sent as a fill (one colour), as a palette (two colours as a bitmap, up to 256 as indices), as
 * full-colour pixels, or, only when the viewer asked for a JPEG quality level, as JPEG when it has
 * more colours than a palette can hold, and then with the rare colours of its palettes rounded
 * ({@link TightLossy}). Zlib data goes through four streams that live as long as the
 * viewer's connection (0 full colour, 1 bitmaps, 2 indices, 3 gradients; with JPEG on, a second
 * thread sends its bitmaps through 0 and its indices through 3, which JPEG leaves unused). Not
 * thread-safe: one instance per viewer.
 */
public final class TightEncoder implements Encoder {
    public static final int TYPE = 7;
    /** Pseudo-encoding for JPEG quality level 0; levels 0..9 are -32..-23. */
    public static final int QUALITY_LEVEL_0 = -32;

    // Viewers size their buffers for Tight's limits: at most 2048 pixels wide. A piece of at most
    // 64K pixels also keeps the palette test local, so a band of plain text stays a palette.
    static final int MAX_WIDTH = 2048;
    static final int MAX_AREA = 65536;
    /**
     * JPEG data has no decoder buffer to fit (noVNC, TigerVNC and TightVNC's viewer decode it row by
     * row), so with JPEG on the photo-like pieces of a column are joined up to this area (a whole
     * 1080x1920 screen): each JPEG piece costs its own headers and tables, about 600 bytes.
     */
    static final int MAX_JPEG_AREA = 2048 * 1024;
    static final int MAX_PALETTE = 256;
    /**
     * Below this many pixels to look at (fills aside), one thread encodes a rectangle. A second thread
     * costs CPU of its own (on this project's 2-core benchmark machine a 540x1200 update took 40% more
     * CPU for 8% less time; a full-size closing shade 10% more CPU for a quarter less time), so only
     * updates of about a quarter of a full phone screen or more share the work.
     */
    static final long TWO_THREADS_MIN_AREA = 600_000;

    private final TightStreams streams;
    private final JpegCompressor jpeg;
    private final SplitMemory memory = new SplitMemory();
    private final TightPieceWriter writer;
    /** The second thread's writer and what it wrote, created when first needed. */
    private TightPieceWriter secondWriter;
    private ByteSink secondOut;
    /** The palette a helper counts colours with while the split looks for photos, created when first needed. */
    private ColourPalette helperPalette;
    private int qualityLevel = -1;
    private TightLossy lossy;

    private TightEncoder(int zlibLevel, JpegCompressor jpeg) {
        this.streams = new TightStreams(zlibLevel);
        this.jpeg = jpeg;
        this.writer = new TightPieceWriter(streams, 0, 1, 2, 3);
    }

    /** A lossless encoder for one viewer. */
    public static TightEncoder create(int zlibLevel) {
        return new TightEncoder(zlibLevel, null);
    }

    /**
     * An encoder for one viewer that uses {@code jpeg} once {@link #setQualityLevel} turns JPEG on;
     * {@code jpeg} must be thread-safe (it may compress two pieces at once).
     */
    public static TightEncoder create(int zlibLevel, JpegCompressor jpeg) {
        return new TightEncoder(zlibLevel, jpeg);
    }

    /**
     * The JPEG quality level the viewer asked for with pseudo-encodings -32..-23 (level 0..9), or -1
     * for none: without a level Tight stays lossless, as the specification requires.
     */
    public void setQualityLevel(int level) {
        if (level < -1 || level > 9) {
            throw new IllegalArgumentException("Tight quality level must be 0..9 or -1 for lossless, got " + level);
        }
        if (level >= 0 && jpeg == null) {
            throw new IllegalStateException("this Tight encoder has no JpegCompressor; create it with one");
        }
        qualityLevel = level;
        lossy = level >= 0 ? TightLossy.of(jpeg, level) : null;
    }

    /** JPEG quality in percent for a Tight quality level: evenly spread, level 9 nearly lossless. */
    static int jpegQuality(int level) {
        return 5 + 10 * level;
    }

    @Override
    public int type() {
        return TYPE;
    }

    /**
     * Large single-colour areas as fills of their own, the rest in pieces at most {@value #MAX_WIDTH}
     * wide and {@value #MAX_AREA} pixels (see {@link TightPieces}). Pieces with more colours than a
     * palette holds are cut in half across (lossless) or, with JPEG on, joined down their column up to
     * {@value #MAX_JPEG_AREA} pixels.
     * The caller must then encode with a format that {@link #takesJpeg takes JPEG}.
     */
    @Override
    public List<Rect> split(Frame frame, Rect r) {
        frame.requireInside(r);
        memory.startSplitting(frame);
        List<Rect> pieces = TightPieces.split(frame, r, MAX_WIDTH, MAX_AREA, memory.fills());
        boolean[] photo = findPhotos(frame, pieces);
        return qualityLevel >= 0 ? TightPieces.joinPhotos(pieces, photo, MAX_JPEG_AREA, memory.photos())
                : TightPieces.halvePhotos(pieces, photo);
    }

    /**
     * Which pieces have more colours than a palette holds (fills have one). Counting them reads every
     * pixel of the text and photo pieces, so with enough of them a helper thread counts half.
     */
    private boolean[] findPhotos(Frame frame, List<Rect> pieces) {
        boolean[] photo = new boolean[pieces.size()];
        List<Integer> toCount = new ArrayList<>();
        long work = 0;
        for (int i = 0; i < pieces.size(); i++) {
            long pixels = memory.pixelsToLookAt(frame, pieces.get(i));
            if (pixels > 0) {
                toCount.add(i);
                work += pixels;
            }
        }
        if (toCount.size() < 2 || work < TWO_THREADS_MIN_AREA || !HelperThreads.available()) {
            TightPieces.findPhotos(frame, pieces, toCount, writer.palette(), photo);
            return photo;
        }
        // Every other piece, so that each thread gets a share of a screen's text and photos.
        List<Integer> mine = new ArrayList<>();
        List<Integer> theirs = new ArrayList<>();
        for (int k = 0; k < toCount.size(); k++) {
            (k % 2 == 0 ? mine : theirs).add(toCount.get(k));
        }
        if (helperPalette == null) {
            helperPalette = new ColourPalette(MAX_PALETTE);
        }
        ColourPalette palette = helperPalette;
        Future<?> second = HelperThreads.start(() -> TightPieces.findPhotos(frame, pieces, theirs, palette, photo));
        try {
            TightPieces.findPhotos(frame, pieces, mine, writer.palette(), photo);
        } finally {
            HelperThreads.await(second);
        }
        return photo;
    }

    /**
     * Whether Tight sends JPEG to a viewer of this format: JPEG carries 8-bit RGB, so an 8 bpp or
     * colour-map viewer gains nothing from it and stays lossless; its quality level should be -1.
     */
    public static boolean takesJpeg(PixelFormat format) {
        return format.trueColour() && format.bitsPerPixel() >= 16;
    }

    @Override
    public void encode(Frame frame, Rect r, PixelFormat format, ByteSink out) {
        frame.requireInside(r);
        writer.write(frame, r, format, memory, lossyFor(format), out);
    }

    /**
     * With JPEG on, a second core and enough pixels, two threads share the pieces (by pixels to look
     * at): this one sends its share first, then the second thread's, each through its own zlib streams.
     * Otherwise one thread, in order. Each piece's bytes are what {@link #encode} gives with its writer.
     */
    @Override
    public void encodeAll(Frame frame, List<Rect> pieces, PixelFormat format, ByteSink out) {
        long work = 0;
        long[] weights = new long[pieces.size()];
        for (int i = 0; i < pieces.size(); i++) {
            frame.requireInside(pieces.get(i));
            weights[i] = memory.pixelsToLookAt(frame, pieces.get(i));
            work += weights[i];
        }
        TightLossy lossy = lossyFor(format);
        if (lossy == null || pieces.size() < 2 || work < TWO_THREADS_MIN_AREA || !HelperThreads.available()) {
            Encoder.super.encodeAll(frame, pieces, format, out);
            return;
        }
        List<Rect> mine = new ArrayList<>();
        List<Rect> theirs = new ArrayList<>();
        long myWork = 0;
        long theirWork = 0;
        for (int i = 0; i < pieces.size(); i++) {
            if (myWork <= theirWork) {
                mine.add(pieces.get(i));
                myWork += weights[i];
            } else {
                theirs.add(pieces.get(i));
                theirWork += weights[i];
            }
        }
        TightPieceWriter helper = secondWriter();
        secondOut.reset();
        Future<?> second = HelperThreads.start(() -> writeAll(helper, frame, theirs, format, lossy, secondOut));
        try {
            writeAll(writer, frame, mine, format, lossy, out);
        } finally {
            HelperThreads.await(second);
        }
        out.write(secondOut);
    }

    private void writeAll(TightPieceWriter pieceWriter, Frame frame, List<Rect> pieces, PixelFormat format,
            TightLossy lossy, ByteSink out) {
        for (Rect piece : pieces) {
            Encoder.writeRectangleHeader(piece, TYPE, out);
            pieceWriter.write(frame, piece, format, memory, lossy, out);
        }
    }

    /** The helper thread's writer: bitmaps through stream 0, indices through 3, which JPEG leaves unused. */
    private TightPieceWriter secondWriter() {
        if (secondWriter == null) {
            secondWriter = new TightPieceWriter(streams, 0, 0, 3, 3);
            secondOut = ByteSink.create(256 * 1024);
        }
        return secondWriter;
    }

    /** What the viewer takes instead of exact pixels ({@link TightLossy}), or null: lossless. */
    private TightLossy lossyFor(PixelFormat format) {
        return qualityLevel >= 0 && takesJpeg(format) ? lossy : null;
    }

    @Override
    public void close() {
        writer.close();
        if (secondWriter != null) {
            secondWriter.close();
        }
        streams.close();
    }

    /** 7 bits per byte, low bits first, high bit set when another byte follows; at most 3 bytes. */
    static void writeCompactLength(int length, ByteSink out) {
        if (length < 0 || length > 0x3FFFFF) {
            throw new IllegalArgumentException("Tight lengths are 0..4194303, got " + length);
        }
        if (length < 0x80) {
            out.writeByte(length);
        } else if (length < 0x4000) {
            out.writeByte(0x80 | (length & 0x7F));
            out.writeByte(length >>> 7);
        } else {
            out.writeByte(0x80 | (length & 0x7F));
            out.writeByte(0x80 | ((length >>> 7) & 0x7F));
            out.writeByte(length >>> 14);
        }
    }
}
