package dev.tandem.agent.rfb.encoding;

import java.util.Arrays;

/**
 * Writes the payload of one Tight piece: a fill, a palette (bitmap or indices), full colour (plain or
 * through the gradient filter), or JPEG. It owns the scratch a piece needs (pixels, indices, palette,
 * the uncompressed data), so each thread that encodes for a viewer has its own writer. The zlib
 * streams belong to the viewer ({@link TightStreams}); a writer is given which of the four it uses for
 * each kind of data. Not thread-safe.
 */
final class TightPieceWriter implements AutoCloseable {
    private static final int FILL = 0x80;
    private static final int JPEG = 0x90;
    private static final int READ_FILTER = 0x40;
    private static final int FILTER_PALETTE = 1;
    private static final int FILTER_GRADIENT = 2;
    private static final int MIN_TO_COMPRESS = 12;
    private static final int NO_STREAM = -1;

    private final TightStreams streams;
    private final int fullColourStream;
    private final int bitmapStream;
    private final int indexedStream;
    private final int gradientStream;
    private final ColourPalette palette = new ColourPalette(TightEncoder.MAX_PALETTE);
    private final FilterChoice filters = new FilterChoice();
    private final int[] pixels = new int[TightEncoder.MAX_AREA];
    /** The palette index of each pixel, found while counting the colours. */
    private final byte[] indices = new byte[TightEncoder.MAX_AREA];
    // Scratch of roundRareColours: uses and colour of each palette index, and its index after rounding.
    private final int[] uses = new int[TightEncoder.MAX_PALETTE];
    private final int[] colours = new int[TightEncoder.MAX_PALETTE];
    private final byte[] remap = new byte[TightEncoder.MAX_PALETTE];
    private final ByteSink head = ByteSink.create(1024);
    private final ByteSink data = ByteSink.create(64 * 1024);
    private final ByteSink compressed = ByteSink.create(64 * 1024);
    private int stream;
    private boolean paletteData;
    // Where red, green and blue lie in pixels[]: ARGB's own places when the viewer's TPIXEL is
    // 24-bit (its colours map one to one), otherwise the viewer's format, packed.
    private int redShift;
    private int greenShift;
    private int blueShift;
    private boolean packed;

    /** A writer sending full colour, bitmaps, indices and gradients through those of the viewer's streams (0..3). */
    TightPieceWriter(TightStreams streams, int fullColourStream, int bitmapStream, int indexedStream,
            int gradientStream) {
        this.streams = streams;
        this.fullColourStream = fullColourStream;
        this.bitmapStream = bitmapStream;
        this.indexedStream = indexedStream;
        this.gradientStream = gradientStream;
    }

    /** The palette that {@link TightEncoder#split} may borrow between pieces. */
    ColourPalette palette() {
        return palette;
    }

    /**
     * Appends the payload of piece {@code r} to {@code out}. {@code memory} says what the split found;
     * {@code lossy} is null unless the viewer asked for a JPEG quality level.
     */
    void write(Frame frame, Rect r, PixelFormat format, SplitMemory memory, TightLossy lossy, ByteSink out) {
        head.reset();
        data.reset();
        stream = NO_STREAM;
        if (!r.isEmpty() && !(memory.knows(frame) && writeKnown(frame, r, format, memory, lossy))) {
            if (r.width() > TightEncoder.MAX_WIDTH || r.area() > TightEncoder.MAX_AREA) {
                writeLarge(frame, r, format, lossy);
            } else {
                writeSmall(frame, r, format, lossy);
            }
        }
        out.write(head);
        if (stream != NO_STREAM) {
            writeData(out);
        }
    }

    private void writeSmall(Frame frame, Rect r, PixelFormat format, TightLossy lossy) {
        int count = (int) r.area();
        readPixels(frame, r, format);
        countColours(count);
        int tp = format.tpixelBytes();
        if (palette.size() == 1 && !palette.overflowed()) {
            head.writeByte(FILL);
            writeTPixel(pixels[0], format, head);
        } else if (!palette.overflowed() && paletteCost(r, tp) < (long) count * tp) {
            if (lossy != null && lossy.paletteStep() > 1 && !packed) {
                roundRareColours(count, lossy);
            }
            if (palette.size() == 1) {
                head.writeByte(FILL);
                writeTPixel(palette.colour(0), format, head);
            } else {
                writePalette(r, format);
            }
        } else if (lossy != null) {
            writeJpeg(frame, r, lossy);
        } else {
            writeFullColour(r, format);
        }
    }

    /**
     * A piece the split of this frame found to be one colour, or (for a 24-bit TPIXEL, where colours map
     * one to one) to have more colours than a palette holds while JPEG is on: the same bytes as counting
     * its colours again would give. False for any other piece.
     */
    private boolean writeKnown(Frame frame, Rect r, PixelFormat format, SplitMemory memory, TightLossy lossy) {
        Integer fill = memory.fill(r);
        if (fill != null) {
            head.writeByte(FILL);
            format.writeTPixel(format.pack(fill), head);
            return true;
        }
        if (lossy != null && format.hasTightPixel24() && r.width() <= TightEncoder.MAX_WIDTH
                && r.area() <= TightEncoder.MAX_JPEG_AREA && memory.isPhoto(r)) {
            writeJpeg(frame, r, lossy);
            return true;
        }
        return false;
    }

    /** A piece beyond Tight's zlib limits: a fill, or a JPEG that the split joined. */
    private void writeLarge(Frame frame, Rect r, PixelFormat format, TightLossy lossy) {
        if (r.width() <= TightEncoder.MAX_WIDTH && TightPieces.isSolid(frame, r)) {
            head.writeByte(FILL);
            format.writeTPixel(format.pack(frame.pixel(r.x(), r.y())), head);
        } else if (r.width() <= TightEncoder.MAX_WIDTH && r.area() <= TightEncoder.MAX_JPEG_AREA && lossy != null) {
            writeJpeg(frame, r, lossy);
        } else {
            throw new IllegalArgumentException("Tight takes rectangles up to " + TightEncoder.MAX_WIDTH + " wide and "
                    + TightEncoder.MAX_AREA + " pixels unless they have one colour or go as JPEG; split " + r
                    + " with split() first, and with quality level -1 for a format that takes no JPEG");
        }
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

    private void writeJpeg(Frame frame, Rect r, TightLossy lossy) {
        head.writeByte(JPEG);
        byte[] jpegData = lossy.jpeg().compress(frame, r, lossy.jpegQuality());
        TightEncoder.writeCompactLength(jpegData.length, head);
        head.write(jpegData);
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

    /**
     * The lossy palette ({@link TightLossy}): each colour that covers less than 1/{@value
     * TightLossy#KEEP_SHARE} of the piece rounded to the grid, equal colours merged, the indices
     * mapped to the smaller palette.
     */
    private void roundRareColours(int count, TightLossy lossy) {
        int n = palette.size();
        if (n <= TightLossy.MIN_COLOURS) {
            return;
        }
        Arrays.fill(uses, 0, n, 0);
        for (int i = 0; i < count; i++) {
            uses[indices[i] & 0xFF]++;
        }
        for (int k = 0; k < n; k++) {
            colours[k] = palette.colour(k);
        }
        palette.reset();
        for (int k = 0; k < n; k++) {
            boolean rare = (long) uses[k] * TightLossy.KEEP_SHARE < count;
            remap[k] = (byte) palette.intern(rare ? lossy.round(colours[k]) : colours[k]);
        }
        for (int i = 0; i < count; i++) {
            indices[i] = remap[indices[i] & 0xFF];
        }
    }

    private long paletteCost(Rect r, int tp) {
        int n = palette.size();
        long indexBytes = n == 2 ? (long) ((r.width() + 7) / 8) * r.height() : r.area();
        return (long) n * tp + indexBytes;
    }

    private void writePalette(Rect r, PixelFormat format) {
        int n = palette.size();
        stream = n == 2 ? bitmapStream : indexedStream;
        paletteData = true;
        head.writeByte((stream << 4) | READ_FILTER);
        head.writeByte(FILTER_PALETTE);
        head.writeByte(n - 1);
        for (int i = 0; i < n; i++) {
            writeTPixel(palette.colour(i), format, head);
        }
        if (n == 2) {
            writeBitmap(r.width(), r.height());
        } else {
            data.write(indices, 0, (int) r.area());
        }
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
    private void writeFullColour(Rect r, PixelFormat format) {
        int count = (int) r.area();
        if (format.hasTightPixel24() && filters.gradientPays(pixels, r.width(), r.height(), redShift, greenShift,
                blueShift)) {
            stream = gradientStream;
            paletteData = false;
            head.writeByte((stream << 4) | READ_FILTER);
            head.writeByte(FILTER_GRADIENT);
            GradientFilter.write(pixels, r.width(), r.height(), redShift, greenShift, blueShift, data);
            return;
        }
        stream = fullColourStream;
        paletteData = false;
        head.writeByte(stream << 4);
        if (format.hasTightPixel24()) {
            FilterChoice.writePlain(pixels, 0, count, redShift, greenShift, blueShift, data);
        } else {
            format.writePixels(pixels, 0, count, data);
        }
    }

    /** Data under 12 bytes goes as it is; longer data through the stream, after its compact length. */
    private void writeData(ByteSink out) {
        if (data.size() < MIN_TO_COMPRESS) {
            out.write(data);
            return;
        }
        compressed.reset();
        streams.compress(stream, paletteData, data, compressed);
        TightEncoder.writeCompactLength(compressed.size(), out);
        out.write(compressed);
    }

    @Override
    public void close() {
        filters.close();
    }
}
