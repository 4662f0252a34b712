package dev.tandem.agent.rfb.encoding;

import java.util.Objects;

/**
 * How a viewer wants pixel values (RFC 6143 section 7.4): bits per pixel, depth, byte order and,
 * for true colour, the maximum and shift of red, green and blue. Also the compressed pixel forms
 * derived from it: ZRLE's CPIXEL and Tight's TPIXEL. Thread-safe (immutable).
 *
 * <p>Only true-colour formats can be packed: a colour-map format needs a colour map that the session
 * would send with SetColourMapEntries, and {@link #pack} refuses it.
 */
public final class PixelFormat {
    /** The server's natural format, announced in ServerInit: 32 bpp, depth 24, little-endian, 8 bits per colour. */
    public static final PixelFormat NATURAL = of(32, 24, false, true, 255, 255, 255, 16, 8, 0);

    /** Size of the PIXEL_FORMAT structure on the wire. */
    public static final int WIRE_SIZE = 16;

    private final int bitsPerPixel;
    private final int depth;
    private final boolean bigEndian;
    private final boolean trueColour;
    private final int redMax;
    private final int greenMax;
    private final int blueMax;
    private final int redShift;
    private final int greenShift;
    private final int blueShift;
    // Lookup tables from an 8-bit channel to its shifted field: three loads and two ORs per pixel
    // instead of three divisions, which matters at 2.6 million pixels a frame.
    private final int[] redField;
    private final int[] greenField;
    private final int[] blueField;
    private final int cpixelBytes;
    private final int cpixelShift;
    private final boolean tpixel24;

    private PixelFormat(int bitsPerPixel, int depth, boolean bigEndian, boolean trueColour, int redMax, int greenMax,
            int blueMax, int redShift, int greenShift, int blueShift) {
        this.bitsPerPixel = bitsPerPixel;
        this.depth = depth;
        this.bigEndian = bigEndian;
        this.trueColour = trueColour;
        this.redMax = redMax;
        this.greenMax = greenMax;
        this.blueMax = blueMax;
        this.redShift = redShift;
        this.greenShift = greenShift;
        this.blueShift = blueShift;
        this.redField = trueColour ? fieldTable(redMax, redShift) : null;
        this.greenField = trueColour ? fieldTable(greenMax, greenShift) : null;
        this.blueField = trueColour ? fieldTable(blueMax, blueShift) : null;
        long colourBits = ((long) redMax << redShift) | ((long) greenMax << greenShift) | ((long) blueMax << blueShift);
        boolean compressible = trueColour && bitsPerPixel == 32 && depth <= 24;
        if (compressible && (colourBits & ~0xFFFFFFL) == 0) {
            cpixelBytes = 3;
            cpixelShift = 0;
        } else if (compressible && (colourBits & 0xFFL) == 0) {
            cpixelBytes = 3;
            cpixelShift = 8;
        } else {
            cpixelBytes = bitsPerPixel / 8;
            cpixelShift = 0;
        }
        this.tpixel24 = trueColour && bitsPerPixel == 32 && depth == 24 && redMax == 255 && greenMax == 255
                && blueMax == 255;
    }

    /** A pixel format; throws {@link IllegalArgumentException} saying what is wrong with it. */
    public static PixelFormat of(int bitsPerPixel, int depth, boolean bigEndian, boolean trueColour, int redMax,
            int greenMax, int blueMax, int redShift, int greenShift, int blueShift) {
        if (bitsPerPixel != 8 && bitsPerPixel != 16 && bitsPerPixel != 32) {
            throw new IllegalArgumentException("bits-per-pixel must be 8, 16 or 32, got " + bitsPerPixel);
        }
        if (depth < 1 || depth > bitsPerPixel) {
            throw new IllegalArgumentException("depth must be 1.." + bitsPerPixel + ", got " + depth);
        }
        if (trueColour) {
            requireChannel("red", redMax, redShift, bitsPerPixel);
            requireChannel("green", greenMax, greenShift, bitsPerPixel);
            requireChannel("blue", blueMax, blueShift, bitsPerPixel);
        }
        return new PixelFormat(bitsPerPixel, depth, bigEndian, trueColour, redMax, greenMax, blueMax, redShift,
                greenShift, blueShift);
    }

    /** Reads the 16-byte PIXEL_FORMAT structure of ServerInit and SetPixelFormat. */
    public static PixelFormat read(byte[] wire) {
        if (wire.length != WIRE_SIZE) {
            throw new IllegalArgumentException("PIXEL_FORMAT is 16 bytes, got " + wire.length);
        }
        return of(wire[0] & 0xFF, wire[1] & 0xFF, wire[2] != 0, wire[3] != 0, u16(wire, 4), u16(wire, 6), u16(wire, 8),
                wire[10] & 0xFF, wire[11] & 0xFF, wire[12] & 0xFF);
    }

    /** The 16-byte PIXEL_FORMAT structure, padding zeroed. */
    public byte[] write() {
        byte[] wire = new byte[WIRE_SIZE];
        wire[0] = (byte) bitsPerPixel;
        wire[1] = (byte) depth;
        wire[2] = (byte) (bigEndian ? 1 : 0);
        wire[3] = (byte) (trueColour ? 1 : 0);
        putU16(wire, 4, redMax);
        putU16(wire, 6, greenMax);
        putU16(wire, 8, blueMax);
        wire[10] = (byte) redShift;
        wire[11] = (byte) greenShift;
        wire[12] = (byte) blueShift;
        return wire;
    }

    /** The pixel value of an ARGB colour in this format, each channel scaled to its maximum with rounding. */
    public int pack(int argb) {
        if (!trueColour) {
            throw new IllegalStateException("cannot pack pixels for a colour-map format; the viewer must be "
                    + "offered a true-colour format or sent a colour map first");
        }
        return redField[(argb >>> 16) & 0xFF] | greenField[(argb >>> 8) & 0xFF] | blueField[argb & 0xFF];
    }

    /** Packs {@code count} ARGB pixels from {@code argb[offset..]} into {@code pixels[target..]}. */
    public void pack(int[] argb, int offset, int count, int[] pixels, int target) {
        if (!trueColour) {
            pack(0);
        }
        int[] r = redField;
        int[] g = greenField;
        int[] b = blueField;
        for (int i = 0; i < count; i++) {
            int c = argb[offset + i];
            pixels[target + i] = r[(c >>> 16) & 0xFF] | g[(c >>> 8) & 0xFF] | b[c & 0xFF];
        }
    }

    /** Writes a PIXEL: {@link #bytesPerPixel()} bytes in this format's byte order. */
    public void writePixel(int pixel, ByteSink out) {
        writeBytes(pixel, bitsPerPixel / 8, out);
    }

    /** Writes {@code count} pixel values from {@code pixels[offset..]} as PIXELs. */
    public void writePixels(int[] pixels, int offset, int count, ByteSink out) {
        int bytes = bitsPerPixel / 8;
        byte[] buf = out.ensureRoom(count * bytes);
        int at = out.position();
        if (bytes == 1) {
            for (int i = 0; i < count; i++) {
                buf[at++] = (byte) pixels[offset + i];
            }
        } else if (bytes == 2) {
            int hi = bigEndian ? 0 : 1;
            for (int i = 0; i < count; i++, at += 2) {
                int p = pixels[offset + i];
                buf[at + hi] = (byte) (p >>> 8);
                buf[at + 1 - hi] = (byte) p;
            }
        } else {
            for (int i = 0; i < count; i++, at += 4) {
                int p = pixels[offset + i];
                if (bigEndian) {
                    buf[at] = (byte) (p >>> 24);
                    buf[at + 1] = (byte) (p >>> 16);
                    buf[at + 2] = (byte) (p >>> 8);
                    buf[at + 3] = (byte) p;
                } else {
                    buf[at] = (byte) p;
                    buf[at + 1] = (byte) (p >>> 8);
                    buf[at + 2] = (byte) (p >>> 16);
                    buf[at + 3] = (byte) (p >>> 24);
                }
            }
        }
        out.advance(count * bytes);
    }

    /**
     * Size of a ZRLE CPIXEL (RFC 6143 7.7.6): 3 bytes when true colour, 32 bpp, depth at most 24 and
     * every colour bit in the low three bytes or in the high three bytes; otherwise a whole PIXEL.
     */
    public int cpixelBytes() {
        return cpixelBytes;
    }

    /** Writes a CPIXEL: the three bytes of the pixel that carry colour, in this format's byte order. */
    public void writeCPixel(int pixel, ByteSink out) {
        if (cpixelBytes == 3) {
            writeBytes(pixel >>> cpixelShift, 3, out);
        } else {
            writePixel(pixel, out);
        }
    }

    /**
     * Whether Tight sends TPIXELs as 3 bytes (red, green, blue, in that order whatever the byte order):
     * true colour, 32 bpp, depth 24 and 8 bits per colour.
     */
    public boolean hasTightPixel24() {
        return tpixel24;
    }

    /** Size of a Tight TPIXEL in bytes. */
    public int tpixelBytes() {
        return tpixel24 ? 3 : bitsPerPixel / 8;
    }

    /** Writes a Tight TPIXEL. */
    public void writeTPixel(int pixel, ByteSink out) {
        if (tpixel24) {
            byte[] buf = out.ensureRoom(3);
            int at = out.position();
            buf[at] = (byte) (pixel >>> redShift);
            buf[at + 1] = (byte) (pixel >>> greenShift);
            buf[at + 2] = (byte) (pixel >>> blueShift);
            out.advance(3);
        } else {
            writePixel(pixel, out);
        }
    }

    public int bitsPerPixel() {
        return bitsPerPixel;
    }

    public int bytesPerPixel() {
        return bitsPerPixel / 8;
    }

    public int depth() {
        return depth;
    }

    public boolean bigEndian() {
        return bigEndian;
    }

    public boolean trueColour() {
        return trueColour;
    }

    public int redMax() {
        return redMax;
    }

    public int greenMax() {
        return greenMax;
    }

    public int blueMax() {
        return blueMax;
    }

    public int redShift() {
        return redShift;
    }

    public int greenShift() {
        return greenShift;
    }

    public int blueShift() {
        return blueShift;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof PixelFormat)) {
            return false;
        }
        PixelFormat p = (PixelFormat) o;
        return bitsPerPixel == p.bitsPerPixel && depth == p.depth && bigEndian == p.bigEndian
                && trueColour == p.trueColour && redMax == p.redMax && greenMax == p.greenMax && blueMax == p.blueMax
                && redShift == p.redShift && greenShift == p.greenShift && blueShift == p.blueShift;
    }

    @Override
    public int hashCode() {
        return Objects.hash(bitsPerPixel, depth, bigEndian, trueColour, redMax, greenMax, blueMax, redShift, greenShift,
                blueShift);
    }

    @Override
    public String toString() {
        if (!trueColour) {
            return bitsPerPixel + "bpp depth " + depth + " colour map";
        }
        return bitsPerPixel + "bpp depth " + depth + (bigEndian ? " BE" : " LE") + " r" + redMax + "<<" + redShift
                + " g" + greenMax + "<<" + greenShift + " b" + blueMax + "<<" + blueShift;
    }

    private void writeBytes(int v, int count, ByteSink out) {
        byte[] buf = out.ensureRoom(count);
        int at = out.position();
        for (int i = 0; i < count; i++) {
            int shift = bigEndian ? 8 * (count - 1 - i) : 8 * i;
            buf[at + i] = (byte) (v >>> shift);
        }
        out.advance(count);
    }

    private static int[] fieldTable(int max, int shift) {
        int[] table = new int[256];
        for (int c = 0; c < 256; c++) {
            table[c] = ((c * max + 127) / 255) << shift;
        }
        return table;
    }

    private static void requireChannel(String name, int max, int shift, int bitsPerPixel) {
        if (max < 1 || max > 0xFFFF) {
            throw new IllegalArgumentException(name + "-max must be 1..65535, got " + max);
        }
        int bits = 32 - Integer.numberOfLeadingZeros(max);
        if (shift + bits > bitsPerPixel) {
            throw new IllegalArgumentException(name + " (max " + max + ", shift " + shift + ") does not fit in "
                    + bitsPerPixel + " bits per pixel");
        }
    }

    private static int u16(byte[] b, int at) {
        return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }

    private static void putU16(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 8);
        b[at + 1] = (byte) v;
    }
}
