package dev.tandem.agent.rfb.encoding;

import java.util.List;

/** Pixel formats that real viewers ask for, chosen to cover byte order, CPIXEL and TPIXEL cases. */
final class TestFormats {
    static final PixelFormat NATURAL = PixelFormat.NATURAL;
    /** 32 bpp big-endian with blue in the high byte: CPIXEL from the low three bytes, TPIXEL reorders. */
    static final PixelFormat BGR32_BIG_ENDIAN = PixelFormat.of(32, 24, true, true, 255, 255, 255, 0, 8, 16);
    /** Colour in the high three bytes: CPIXEL from the high three bytes. */
    static final PixelFormat RGBX32 = PixelFormat.of(32, 24, false, true, 255, 255, 255, 24, 16, 8);
    /** 32 bpp with depth 32 bits of colour room: no compact pixels at all. */
    static final PixelFormat DEPTH32 = PixelFormat.of(32, 32, true, true, 1023, 1023, 1023, 20, 10, 0);
    static final PixelFormat RGB565 = PixelFormat.of(16, 16, false, true, 31, 63, 31, 11, 5, 0);
    static final PixelFormat RGB555_BIG_ENDIAN = PixelFormat.of(16, 15, true, true, 31, 31, 31, 10, 5, 0);
    static final PixelFormat BGR233 = PixelFormat.of(8, 8, false, true, 7, 7, 3, 0, 3, 6);

    static final List<PixelFormat> ALL = List.of(NATURAL, BGR32_BIG_ENDIAN, RGBX32, DEPTH32, RGB565,
            RGB555_BIG_ENDIAN, BGR233);

    private TestFormats() {
    }
}
