package dev.tandem.agent.rfb.encoding;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tight encoding (7, as documented in the community RFB specification): each piece of a rectangle is
 * sent as a fill (one colour), as a palette (two colours as a bitmap, up to 256 as indices), as
 * full-colour pixels, or, only when the viewer asked for a JPEG quality level, as JPEG when it has
 * more colours than a palette can hold. Zlib data goes through four streams that live as long as the
 * viewer's connection (0 full colour, 1 bitmaps, 2 indices). Not thread-safe: one instance per viewer.
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
    private static final int MIN_TO_COMPRESS = 12;
    private static final int FILL = 0x80;
    private static final int JPEG = 0x90;
    private static final int READ_FILTER = 0x40;
    private static final int FILTER_PALETTE = 1;
    private static final int FILTER_GRADIENT = 2;
    private static final int STREAM_FULL_COLOUR = 0;
    private static final int STREAM_BITMAP = 1;
    private static final int STREAM_INDEXED = 2;
    private static final int STREAM_GRADIENT = 3;
    private static final int MAX_PALETTE = 256;
    /**
     * Palette data is one byte (or bit) per pixel and mostly runs, so zlib level 6 costs little time
     * there and saved 12% of the bytes on flat UI screenshots; full colour stays at the chosen level.
     */
    private static final int PALETTE_MIN_LEVEL = 6;

    private final int zlibLevel;
    private final ZlibStream[] streams = new ZlibStream[4];
    private final JpegCompressor jpeg;
    private final ColourPalette palette = new ColourPalette(MAX_PALETTE);
    private final FilterChoice filters = new FilterChoice();
    private final ByteSink data = ByteSink.create(256 * 1024);
    private final ByteSink compressed = ByteSink.create(64 * 1024);
    private final int[] pixels = new int[MAX_AREA];
    /** The palette index of each pixel, found while counting the colours. */
    private final byte[] indices = new byte[MAX_AREA];
    // What the last split learnt of its pieces, so that encode need not look at their pixels again:
    // the fills with their RGB colour, and the pieces with more colours than a palette holds.
    private Frame splitFrame;
    private final Map<Rect, Integer> fills = new HashMap<>();
    private final Set<Rect> photos = new HashSet<>();
    // Where red, green and blue lie in pixels[]: ARGB's own places when the viewer's TPIXEL is
    // 24-bit (its colours map one to one), otherwise the viewer's format, packed.
    private int redShift;
    private int greenShift;
    private int blueShift;
    private boolean packed;
    private int qualityLevel = -1;

    private TightEncoder(int zlibLevel, JpegCompressor jpeg) {
        if (zlibLevel < 0 || zlibLevel > 9) {
            throw new IllegalArgumentException("zlib level must be 0..9, got " + zlibLevel);
        }
        this.zlibLevel = zlibLevel;
        this.jpeg = jpeg;
    }

    /** A lossless encoder for one viewer. */
    public static TightEncoder create(int zlibLevel) {
        return new TightEncoder(zlibLevel, null);
    }

    /** An encoder for one viewer that uses {@code jpeg} once {@link #setQualityLevel} turns JPEG on. */
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
        splitFrame = frame;
        fills.clear();
        photos.clear();
        List<Rect> pieces = TightPieces.split(frame, r, MAX_WIDTH, MAX_AREA, fills);
        return qualityLevel >= 0 ? TightPieces.joinPhotos(frame, pieces, palette, MAX_JPEG_AREA, photos)
                : TightPieces.halvePhotos(frame, pieces, palette);
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
        if (r.isEmpty()) {
            return;
        }
        if (frame == splitFrame && encodeKnown(frame, r, format, out)) {
            return;
        }
        if (r.width() > MAX_WIDTH || r.area() > MAX_AREA) {
            encodeLarge(frame, r, format, out);
            return;
        }
        int count = (int) r.area();
        readPixels(frame, r, format);
        countColours(count);
        int tp = format.tpixelBytes();
        if (palette.size() == 1 && !palette.overflowed()) {
            out.writeByte(FILL);
            writeTPixel(pixels[0], format, out);
        } else if (!palette.overflowed() && paletteCost(r, tp) < (long) count * tp) {
            writePalette(r, format, out);
        } else if (usesJpeg(format)) {
            writeJpeg(frame, r, out);
        } else {
            writeFullColour(r, format, out);
        }
    }

    /**
     * A piece the last {@link #split} of this frame found to be one colour, or (for a 24-bit TPIXEL,
     * where colours map one to one) to have more colours than a palette holds while JPEG is on: the
     * same bytes as counting its colours again would give. False for any other piece.
     */
    private boolean encodeKnown(Frame frame, Rect r, PixelFormat format, ByteSink out) {
        Integer fill = fills.get(r);
        if (fill != null) {
            out.writeByte(FILL);
            format.writeTPixel(format.pack(fill), out);
            return true;
        }
        if (usesJpeg(format) && format.hasTightPixel24() && r.width() <= MAX_WIDTH && r.area() <= MAX_JPEG_AREA
                && photos.contains(r)) {
            writeJpeg(frame, r, out);
            return true;
        }
        return false;
    }

    /**
     * The piece's pixels into {@link #pixels}: as RGB when the viewer's TPIXEL is 24-bit (a palette then
     * packs only its colours, not every pixel), else packed in the viewer's format.
     */
    private void readPixels(Frame frame, Rect r, PixelFormat format) {
        int[] argb = frame.argb();
        int w = r.width();
        packed = !format.hasTightPixel24();
        if (packed) {
            for (int row = 0; row < r.height(); row++) {
                format.pack(argb, (r.y() + row) * frame.width() + r.x(), w, pixels, row * w);
            }
            redShift = format.redShift();
            greenShift = format.greenShift();
            blueShift = format.blueShift();
            return;
        }
        for (int row = 0; row < r.height(); row++) {
            int from = (r.y() + row) * frame.width() + r.x();
            int to = row * w;
            for (int i = 0; i < w; i++) {
                pixels[to + i] = argb[from + i] & 0xFFFFFF;
            }
        }
        redShift = 16;
        greenShift = 8;
        blueShift = 0;
    }

    /** A value of {@link #pixels} as a TPIXEL. */
    private void writeTPixel(int pixel, PixelFormat format, ByteSink out) {
        format.writeTPixel(packed ? pixel : format.pack(pixel), out);
    }

    /** A piece beyond Tight's zlib limits: a fill, or a JPEG that {@link #split} joined. */
    private void encodeLarge(Frame frame, Rect r, PixelFormat format, ByteSink out) {
        if (r.width() <= MAX_WIDTH && TightPieces.isSolid(frame, r)) {
            out.writeByte(FILL);
            format.writeTPixel(format.pack(frame.pixel(r.x(), r.y())), out);
        } else if (r.width() <= MAX_WIDTH && r.area() <= MAX_JPEG_AREA && usesJpeg(format)) {
            writeJpeg(frame, r, out);
        } else {
            throw new IllegalArgumentException("Tight takes rectangles up to " + MAX_WIDTH + " wide and " + MAX_AREA
                    + " pixels unless they have one colour or go as JPEG; split " + r + " with split() first, and"
                    + " with quality level -1 for a format that takes no JPEG");
        }
    }

    private void writeJpeg(Frame frame, Rect r, ByteSink out) {
        out.writeByte(JPEG);
        byte[] jpegData = jpeg.compress(frame, r, jpegQuality(qualityLevel));
        writeCompactLength(jpegData.length, out);
        out.write(jpegData);
    }

    @Override
    public void close() {
        filters.close();
        for (ZlibStream stream : streams) {
            if (stream != null) {
                stream.close();
            }
        }
    }

    private boolean usesJpeg(PixelFormat format) {
        return qualityLevel >= 0 && takesJpeg(format);
    }

    /** The palette of the piece and, unless it overflows, each pixel's index in it. */
    private void countColours(int count) {
        palette.reset();
        int previous = ~pixels[0];
        int index = 0;
        for (int i = 0; i < count; i++) {
            int p = pixels[i];
            if (p != previous) {
                index = palette.intern(p);
                if (index < 0) {
                    return;
                }
                previous = p;
            }
            indices[i] = (byte) index;
        }
    }

    private long paletteCost(Rect r, int tp) {
        int n = palette.size();
        long indices = n == 2 ? (long) ((r.width() + 7) / 8) * r.height() : r.area();
        return (long) n * tp + indices;
    }

    private void writePalette(Rect r, PixelFormat format, ByteSink out) {
        int n = palette.size();
        int stream = n == 2 ? STREAM_BITMAP : STREAM_INDEXED;
        out.writeByte((stream << 4) | READ_FILTER);
        out.writeByte(FILTER_PALETTE);
        out.writeByte(n - 1);
        for (int i = 0; i < n; i++) {
            writeTPixel(palette.colour(i), format, out);
        }
        data.reset();
        if (n == 2) {
            writeBitmap(r.width(), r.height());
        } else {
            data.write(indices, 0, (int) r.area());
        }
        writeData(stream, out);
    }

    /** Two colours: one bit per pixel, most significant first, every row padded to a byte. */
    private void writeBitmap(int w, int h) {
        for (int y = 0; y < h; y++) {
            int acc = 0;
            int filled = 0;
            for (int x = 0; x < w; x++) {
                acc = (acc << 1) | indices[y * w + x];
                if (++filled == 8) {
                    data.writeByte(acc);
                    acc = 0;
                    filled = 0;
                }
            }
            if (filled > 0) {
                data.writeByte(acc << (8 - filled));
            }
        }
    }

    /**
     * Many colours: 3-byte TPIXELs through the gradient filter where {@link FilterChoice} finds it packs
     * smaller, else every pixel as it is with the copy filter (implied by a control byte without the
     * filter flag).
     */
    private void writeFullColour(Rect r, PixelFormat format, ByteSink out) {
        int count = (int) r.area();
        data.reset();
        if (format.hasTightPixel24() && filters.gradientPays(pixels, r.width(), r.height(), redShift, greenShift,
                blueShift)) {
            out.writeByte((STREAM_GRADIENT << 4) | READ_FILTER);
            out.writeByte(FILTER_GRADIENT);
            GradientFilter.write(pixels, r.width(), r.height(), redShift, greenShift, blueShift, data);
            writeData(STREAM_GRADIENT, out);
            return;
        }
        out.writeByte(STREAM_FULL_COLOUR << 4);
        if (format.hasTightPixel24()) {
            FilterChoice.writePlain(pixels, 0, count, redShift, greenShift, blueShift, data);
        } else {
            format.writePixels(pixels, 0, count, data);
        }
        writeData(STREAM_FULL_COLOUR, out);
    }

    /** The viewer's level, at least {@value #PALETTE_MIN_LEVEL} for palettes unless it asked for none. */
    private int levelOf(int stream) {
        boolean palette = stream == STREAM_BITMAP || stream == STREAM_INDEXED;
        return palette && zlibLevel > 0 ? Math.max(zlibLevel, PALETTE_MIN_LEVEL) : zlibLevel;
    }

    /** Data under 12 bytes goes as it is; longer data through the stream, after its compact length. */
    private void writeData(int stream, ByteSink out) {
        if (data.size() < MIN_TO_COMPRESS) {
            out.write(data);
            return;
        }
        if (streams[stream] == null) {
            streams[stream] = new ZlibStream(levelOf(stream));
        }
        compressed.reset();
        streams[stream].compress(data, compressed);
        writeCompactLength(compressed.size(), out);
        out.write(compressed);
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
