package dev.tandem.agent.rfb.encoding;

/**
 * Pixel values as a viewer reads them, written from RFC 6143 and the Tight documentation rather than
 * from {@link PixelFormat}'s writing code, so that a wrong rule on either side shows up.
 */
final class WirePixels {
    private WirePixels() {
    }

    static int pixel(WireReader in, PixelFormat f) {
        return bytes(in, f.bitsPerPixel() / 8, f.bigEndian());
    }

    /** ZRLE CPIXEL: three bytes for 32 bpp true colour of depth <= 24 whose colour bits sit in 3 bytes. */
    static int cpixel(WireReader in, PixelFormat f) {
        long mask = ((long) f.redMax() << f.redShift()) | ((long) f.greenMax() << f.greenShift())
                | ((long) f.blueMax() << f.blueShift());
        if (f.trueColour() && f.bitsPerPixel() == 32 && f.depth() <= 24) {
            if (mask <= 0xFFFFFFL) {
                return bytes(in, 3, f.bigEndian());
            }
            if ((mask & 0xFF) == 0) {
                return bytes(in, 3, f.bigEndian()) << 8;
            }
        }
        return pixel(in, f);
    }

    /** Tight TPIXEL: red, green, blue bytes for 32 bpp depth 24 with 8-bit channels. */
    static int tpixel(WireReader in, PixelFormat f) {
        if (f.trueColour() && f.bitsPerPixel() == 32 && f.depth() == 24 && f.redMax() == 255 && f.greenMax() == 255
                && f.blueMax() == 255) {
            int r = in.u8();
            int g = in.u8();
            int b = in.u8();
            return (r << f.redShift()) | (g << f.greenShift()) | (b << f.blueShift());
        }
        return pixel(in, f);
    }

    private static int bytes(WireReader in, int count, boolean bigEndian) {
        int v = 0;
        for (int i = 0; i < count; i++) {
            int b = in.u8();
            v |= bigEndian ? b << (8 * (count - 1 - i)) : b << (8 * i);
        }
        return v;
    }
}
