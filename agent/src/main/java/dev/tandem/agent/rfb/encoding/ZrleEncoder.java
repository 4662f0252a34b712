package dev.tandem.agent.rfb.encoding;

/**
 * ZRLE encoding (16, RFC 6143 7.7.6): the rectangle in 64x64 tiles, each sent as whichever of raw,
 * solid, packed palette, plain RLE or palette RLE is smallest, all through one zlib stream that lives
 * as long as the viewer's connection. Not thread-safe: one instance per viewer.
 */
public final class ZrleEncoder implements Encoder {
    public static final int TYPE = 16;

    private static final int TILE = 64;
    private static final int RAW = 0;
    private static final int SOLID = 1;
    private static final int PLAIN_RLE = 128;
    private static final int MAX_PACKED_COLOURS = 16;
    private static final int MAX_RLE_COLOURS = 127;

    private final ZlibStream zlib;
    private final ByteSink tiles = ByteSink.create(256 * 1024);
    private final int[] tile = new int[TILE * TILE];
    private final ColourPalette palette = new ColourPalette(MAX_RLE_COLOURS);
    // Filled by analyse(): the figures that decide a tile's subencoding.
    private int runs;
    private int plainRleLengthBytes;
    private int paletteRleBytes;

    private ZrleEncoder(int zlibLevel) {
        zlib = new ZlibStream(zlibLevel);
    }

    /**
     * An encoder for one viewer. Level 1 keeps encoding cheap on a phone; tile RLE already removes most
     * redundancy, so higher levels buy little.
     */
    public static ZrleEncoder create(int zlibLevel) {
        return new ZrleEncoder(zlibLevel);
    }

    @Override
    public int type() {
        return TYPE;
    }

    @Override
    public void encode(Frame frame, Rect r, PixelFormat format, ByteSink out) {
        frame.requireInside(r);
        tiles.reset();
        int[] argb = frame.argb();
        for (int ty = r.y(); ty < r.bottom(); ty += TILE) {
            int th = Math.min(TILE, r.bottom() - ty);
            for (int tx = r.x(); tx < r.right(); tx += TILE) {
                int tw = Math.min(TILE, r.right() - tx);
                for (int row = 0; row < th; row++) {
                    format.pack(argb, (ty + row) * frame.width() + tx, tw, tile, row * tw);
                }
                writeTile(tw, th, format);
            }
        }
        int lengthAt = out.size();
        out.writeU32(0);
        zlib.compress(tiles, out);
        out.setU32(lengthAt, out.size() - lengthAt - 4);
    }

    @Override
    public void close() {
        zlib.close();
    }

    private void writeTile(int tw, int th, PixelFormat format) {
        int count = tw * th;
        analyse(count);
        int cp = format.cpixelBytes();
        int colours = palette.overflowed() ? Integer.MAX_VALUE : palette.size();
        if (colours == 1) {
            tiles.writeByte(SOLID);
            format.writeCPixel(tile[0], tiles);
            return;
        }
        long best = (long) count * cp;
        int choice = RAW;
        long plainRle = (long) runs * cp + plainRleLengthBytes;
        if (plainRle < best) {
            best = plainRle;
            choice = PLAIN_RLE;
        }
        if (colours <= MAX_RLE_COLOURS) {
            long paletteRle = (long) colours * cp + paletteRleBytes;
            if (paletteRle < best) {
                best = paletteRle;
                choice = 128 + colours;
            }
        }
        if (colours <= MAX_PACKED_COLOURS) {
            long packed = (long) colours * cp + (long) rowBytes(tw, colours) * th;
            if (packed <= best) {
                choice = colours;
            }
        }
        tiles.writeByte(choice);
        if (choice == RAW) {
            writeCPixels(count, format);
        } else if (choice == PLAIN_RLE) {
            writePlainRle(count, format);
        } else if (choice > 128) {
            writePalette(format);
            writePaletteRle(count);
        } else {
            writePalette(format);
            writePacked(tw, th, colours);
        }
    }

    /** One pass over the tile: its runs (which may cross rows) and its palette, looked up once per run. */
    private void analyse(int count) {
        palette.reset();
        runs = 0;
        plainRleLengthBytes = 0;
        paletteRleBytes = 0;
        int i = 0;
        while (i < count) {
            int pixel = tile[i];
            int end = i + 1;
            while (end < count && tile[end] == pixel) {
                end++;
            }
            int length = end - i;
            int lengthBytes = (length - 1) / 255 + 1;
            runs++;
            plainRleLengthBytes += lengthBytes;
            paletteRleBytes += length == 1 ? 1 : 1 + lengthBytes;
            palette.add(pixel);
            i = end;
        }
    }

    private void writeCPixels(int count, PixelFormat format) {
        for (int i = 0; i < count; i++) {
            format.writeCPixel(tile[i], tiles);
        }
    }

    private void writePalette(PixelFormat format) {
        for (int i = 0; i < palette.size(); i++) {
            format.writeCPixel(palette.colour(i), tiles);
        }
    }

    private void writePlainRle(int count, PixelFormat format) {
        int i = 0;
        while (i < count) {
            int end = runEnd(i, count);
            format.writeCPixel(tile[i], tiles);
            writeRunLength(end - i);
            i = end;
        }
    }

    private void writePaletteRle(int count) {
        int i = 0;
        while (i < count) {
            int end = runEnd(i, count);
            int index = palette.indexOf(tile[i]);
            if (end - i == 1) {
                tiles.writeByte(index);
            } else {
                tiles.writeByte(index | 128);
                writeRunLength(end - i);
            }
            i = end;
        }
    }

    private void writePacked(int tw, int th, int colours) {
        int bits = bitsPerIndex(colours);
        for (int row = 0; row < th; row++) {
            int acc = 0;
            int filled = 0;
            for (int x = 0; x < tw; x++) {
                acc = (acc << bits) | palette.indexOf(tile[row * tw + x]);
                filled += bits;
                if (filled == 8) {
                    tiles.writeByte(acc);
                    acc = 0;
                    filled = 0;
                }
            }
            if (filled > 0) {
                tiles.writeByte(acc << (8 - filled));
            }
        }
    }

    /** Run length minus one as a string of 255s and a final byte below 255. */
    private void writeRunLength(int length) {
        int rest = length - 1;
        while (rest >= 255) {
            tiles.writeByte(255);
            rest -= 255;
        }
        tiles.writeByte(rest);
    }

    private int runEnd(int i, int count) {
        int pixel = tile[i];
        int end = i + 1;
        while (end < count && tile[end] == pixel) {
            end++;
        }
        return end;
    }

    private static int bitsPerIndex(int colours) {
        return colours <= 2 ? 1 : colours <= 4 ? 2 : 4;
    }

    private static int rowBytes(int tw, int colours) {
        return (tw * bitsPerIndex(colours) + 7) / 8;
    }
}
