package dev.tandem.agent.rfb.encoding;

import java.util.zip.DataFormatException;

/** Viewer side of ZRLE (RFC 6143 7.7.6), with one zlib stream for all rectangles of a connection. */
public final class ZrleDecoder {
    private final ZlibReader zlib = new ZlibReader();
    /** How many tiles used each subencoding, so tests can see that every kind was exercised. */
    final int[] subencodingCounts = new int[256];

    public int[] decode(byte[] payload, Rect r, PixelFormat f) throws DataFormatException {
        WireReader wire = new WireReader(payload);
        int length = wire.u32();
        byte[] compressed = wire.bytes(length);
        if (wire.remaining() != 0) {
            throw new AssertionError(wire.remaining() + " bytes after the ZRLE data");
        }
        WireReader in = new WireReader(zlib.inflateAll(compressed));
        int[] pixels = new int[(int) r.area()];
        for (int ty = 0; ty < r.height(); ty += 64) {
            for (int tx = 0; tx < r.width(); tx += 64) {
                int tw = Math.min(64, r.width() - tx);
                int th = Math.min(64, r.height() - ty);
                int[] tile = tile(in, tw * th, tw, f);
                for (int y = 0; y < th; y++) {
                    System.arraycopy(tile, y * tw, pixels, (ty + y) * r.width() + tx, tw);
                }
            }
        }
        if (in.remaining() != 0) {
            throw new AssertionError(in.remaining() + " bytes after the last ZRLE tile");
        }
        return pixels;
    }

    private int[] tile(WireReader in, int count, int tw, PixelFormat f) {
        int sub = in.u8();
        subencodingCounts[sub]++;
        int[] tile = new int[count];
        if (sub == 0) {
            for (int i = 0; i < count; i++) {
                tile[i] = WirePixels.cpixel(in, f);
            }
        } else if (sub == 1) {
            java.util.Arrays.fill(tile, WirePixels.cpixel(in, f));
        } else if (sub <= 16) {
            int[] palette = palette(in, sub, f);
            int bits = sub == 2 ? 1 : sub <= 4 ? 2 : 4;
            int rows = count / tw;
            for (int y = 0; y < rows; y++) {
                int bitsLeft = 0;
                int current = 0;
                for (int x = 0; x < tw; x++) {
                    if (bitsLeft == 0) {
                        current = in.u8();
                        bitsLeft = 8;
                    }
                    bitsLeft -= bits;
                    tile[y * tw + x] = palette[(current >>> bitsLeft) & ((1 << bits) - 1)];
                }
            }
        } else if (sub == 128) {
            int i = 0;
            while (i < count) {
                int pixel = WirePixels.cpixel(in, f);
                int run = runLength(in);
                requireFits(i, run, count);
                java.util.Arrays.fill(tile, i, i + run, pixel);
                i += run;
            }
        } else if (sub >= 130) {
            int[] palette = palette(in, sub - 128, f);
            int i = 0;
            while (i < count) {
                int index = in.u8();
                int run = (index & 128) == 0 ? 1 : runLength(in);
                requireFits(i, run, count);
                java.util.Arrays.fill(tile, i, i + run, palette[index & 127]);
                i += run;
            }
        } else {
            throw new AssertionError("ZRLE subencoding " + sub + " is not defined");
        }
        return tile;
    }

    private static int[] palette(WireReader in, int size, PixelFormat f) {
        int[] palette = new int[size];
        for (int i = 0; i < size; i++) {
            palette[i] = WirePixels.cpixel(in, f);
        }
        return palette;
    }

    private static int runLength(WireReader in) {
        int length = 1;
        int b;
        do {
            b = in.u8();
            length += b;
        } while (b == 255);
        return length;
    }

    private static void requireFits(int at, int run, int count) {
        if (at + run > count) {
            throw new AssertionError("run of " + run + " at " + at + " overflows a tile of " + count);
        }
    }
}
