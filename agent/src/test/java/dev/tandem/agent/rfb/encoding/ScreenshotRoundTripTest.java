package dev.tandem.agent.rfb.encoding;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every lossless encoder gives back the exact pixels of the 16 real Android screenshots. */
class ScreenshotRoundTripTest {
    private static final List<PixelFormat> FULL_FRAME_FORMATS = List.of(TestFormats.NATURAL, TestFormats.RGB565,
            TestFormats.BGR233);

    static Stream<Path> screenshots() {
        return Screenshots.all().stream();
    }

    /** Odd offsets and sizes: partial tiles, partial bitmap bytes, pieces that do not start at 0. */
    private static List<Rect> subRectangles(Frame frame) {
        return List.of(Rect.of(0, 0, 1, 1), Rect.of(13, 7, 65, 63), Rect.of(101, 333, 777, 129),
                Rect.of(frame.width() - 3, frame.height() - 200, 3, 200), Rect.of(1, 1, frame.width() - 1, 517),
                Rect.of(500, frame.height() / 2, 257, 1));
    }

    @ParameterizedTest
    @MethodSource("screenshots")
    void rawGivesBackEveryPixel(Path png) {
        Frame frame = Screenshots.load(png);
        for (PixelFormat format : FULL_FRAME_FORMATS) {
            Rect all = frame.bounds();
            RoundTrip.assertSamePixels(RoundTrip.raw(frame, all, format), RoundTrip.expected(frame, all, format), all,
                    png.getFileName() + " raw " + format);
        }
        for (Rect r : subRectangles(frame)) {
            RoundTrip.assertSamePixels(RoundTrip.raw(frame, r, TestFormats.RGB555_BIG_ENDIAN),
                    RoundTrip.expected(frame, r, TestFormats.RGB555_BIG_ENDIAN), r, png.getFileName() + " raw");
        }
    }

    @ParameterizedTest
    @MethodSource("screenshots")
    void zrleGivesBackEveryPixelInEveryFormat(Path png) throws Exception {
        Frame frame = Screenshots.load(png);
        for (PixelFormat format : TestFormats.ALL) {
            // One encoder and one decoder per viewer: the zlib stream runs across all these rectangles.
            try (ZrleEncoder encoder = ZrleEncoder.create(1)) {
                ZrleDecoder decoder = new ZrleDecoder();
                if (FULL_FRAME_FORMATS.contains(format)) {
                    Rect all = frame.bounds();
                    RoundTrip.assertSamePixels(RoundTrip.zrle(encoder, decoder, frame, all, format),
                            RoundTrip.expected(frame, all, format), all, png.getFileName() + " ZRLE " + format);
                }
                for (Rect r : subRectangles(frame)) {
                    RoundTrip.assertSamePixels(RoundTrip.zrle(encoder, decoder, frame, r, format),
                            RoundTrip.expected(frame, r, format), r, png.getFileName() + " ZRLE " + format);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("screenshots")
    void tightGivesBackEveryPixelInEveryFormat(Path png) throws Exception {
        Frame frame = Screenshots.load(png);
        for (PixelFormat format : TestFormats.ALL) {
            try (TightEncoder encoder = TightEncoder.create(1)) {
                TightDecoder decoder = new TightDecoder();
                if (FULL_FRAME_FORMATS.contains(format)) {
                    Rect all = frame.bounds();
                    RoundTrip.assertSamePixels(RoundTrip.tight(encoder, decoder, frame, all, format),
                            RoundTrip.expected(frame, all, format), all, png.getFileName() + " Tight " + format);
                }
                for (Rect r : subRectangles(frame)) {
                    RoundTrip.assertSamePixels(RoundTrip.tight(encoder, decoder, frame, r, format),
                            RoundTrip.expected(frame, r, format), r, png.getFileName() + " Tight " + format);
                }
            }
        }
    }

    @Test
    void naturalFormatDecodesToTheScreenshotsOwnRgb() throws Exception {
        // Independent of PixelFormat.pack: in the natural format a pixel is the ARGB value without alpha.
        Frame frame = Screenshots.load(Screenshots.all().get(0));
        Rect all = frame.bounds();
        int[] argb = frame.copyPixels(all);
        for (int i = 0; i < argb.length; i++) {
            argb[i] &= 0xFFFFFF;
        }
        try (ZrleEncoder zrle = ZrleEncoder.create(6); TightEncoder tight = TightEncoder.create(6)) {
            RoundTrip.assertSamePixels(RoundTrip.zrle(zrle, new ZrleDecoder(), frame, all, PixelFormat.NATURAL), argb,
                    all, "ZRLE natural");
            RoundTrip.assertSamePixels(RoundTrip.tight(tight, new TightDecoder(), frame, all, PixelFormat.NATURAL),
                    argb, all, "Tight natural");
            RoundTrip.assertSamePixels(RoundTrip.raw(frame, all, PixelFormat.NATURAL), argb, all, "Raw natural");
        }
    }
}
