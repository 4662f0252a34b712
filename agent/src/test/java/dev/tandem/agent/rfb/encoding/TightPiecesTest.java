package dev.tandem.agent.rfb.encoding;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tight sends large single-colour areas as fills and photo-like areas through the gradient filter. */
class TightPiecesTest {
    /** A flat 1080x2400 screen: grey background, one coloured card with a line of "text" in it. */
    private static Frame cardScreen() {
        int w = 1080;
        int h = 2400;
        int[] argb = new int[w * h];
        java.util.Arrays.fill(argb, 0xFFFAFAFA);
        for (int y = 300; y < 700; y++) {
            for (int x = 40; x < 1040; x++) {
                argb[y * w + x] = 0xFF6A3AB2;
            }
        }
        for (int y = 480; y < 520; y++) {
            for (int x = 100; x < 900; x++) {
                argb[y * w + x] = ((x / 3 + y) % 7) == 0 ? 0xFFFFFFFF : 0xFF6A3AB2 + (x % 5);
            }
        }
        return Frame.wrap(w, h, argb);
    }

    @Test
    void piecesCoverTheRectangleExactlyOnceWithinTightsLimits() {
        Frame frame = cardScreen();
        for (Rect r : new Rect[] {frame.bounds(), Rect.of(7, 290, 1001, 233), Rect.of(0, 0, 1, 1)}) {
            List<Rect> pieces = TightPieces.split(frame, r, 2048, 65536, new java.util.HashMap<>());
            int[] covered = new int[(int) r.area()];
            for (Rect p : pieces) {
                assertThat(r.contains(p)).as("%s inside %s", p, r).isTrue();
                assertThat(p.width()).isLessThanOrEqualTo(2048);
                assertThat(p.area() <= 65536 || TightPieces.isSolid(frame, p)).as("%s small or one colour", p)
                        .isTrue();
                for (int y = p.y(); y < p.bottom(); y++) {
                    for (int x = p.x(); x < p.right(); x++) {
                        covered[(y - r.y()) * r.width() + x - r.x()]++;
                    }
                }
            }
            assertThat(covered).as("every pixel of %s in exactly one piece", r).containsOnly(1);
        }
    }

    @Test
    void flatScreenIsMostlyFillsAndRoundTrips() throws Exception {
        Frame frame = cardScreen();
        try (TightEncoder encoder = TightEncoder.create(1)) {
            TightDecoder decoder = new TightDecoder();
            RoundTrip.assertSamePixels(RoundTrip.tight(encoder, decoder, frame, frame.bounds(), PixelFormat.NATURAL),
                    RoundTrip.expected(frame, frame.bounds(), PixelFormat.NATURAL), frame.bounds(), "card screen");
            assertThat(decoder.fills).as("background and card as fills").isGreaterThanOrEqualTo(3);
            assertThat(decoder.fills).isGreaterThan(decoder.indexed + decoder.copies + decoder.gradients);
            // A big solid area beyond Tight's 64K-pixel data limit is still one rectangle: a fill has no data.
            List<Rect> pieces = encoder.split(frame, frame.bounds());
            assertThat(pieces).anyMatch(p -> p.area() > 65536);
            ByteSink total = ByteSink.create();
            for (Rect p : pieces) {
                encoder.encode(frame, p, PixelFormat.NATURAL, total);
            }
            assertThat(total.size() + 12 * pieces.size()).as("bytes for a flat screen").isLessThan(4000);
        }
    }

    @Test
    void smoothPhotoGoesThroughTheGradientFilterInEveryFormatThatHasIt() throws Exception {
        int w = 300;
        int h = 200;
        int[] argb = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                argb[y * w + x] = (Math.min(255, x * 255 / w + (y & 3)) << 16) | ((y * 255 / h) << 8) | ((x + 2 * y) & 0xFF);
            }
        }
        Frame photo = Frame.wrap(w, h, argb);
        for (PixelFormat format : TestFormats.ALL) {
            try (TightEncoder encoder = TightEncoder.create(1)) {
                TightDecoder decoder = new TightDecoder();
                RoundTrip.assertSamePixels(RoundTrip.tight(encoder, decoder, photo, photo.bounds(), format),
                        RoundTrip.expected(photo, photo.bounds(), format), photo.bounds(), "photo " + format);
                if (format.hasTightPixel24()) {
                    assertThat(decoder.gradients).as("gradient pieces in %s", format).isPositive();
                } else {
                    assertThat(decoder.gradients).as("no gradient without 3-byte TPIXELs in %s", format).isZero();
                }
            }
        }
    }

    @Test
    void photoBesideFewColoursIsCutInHalvesThatChooseApart() throws Exception {
        // Left: a smooth photo; right: hundreds of flat colours with hard edges, like a map's labels.
        int w = 512;
        int h = 96;
        Frame map = RandomFrames.frame(new java.util.Random(9), w, h, 400, 4);
        int[] argb = map.copyPixels(map.bounds());
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w / 2; x++) {
                argb[y * w + x] = ((x * 255 / w) << 16) | ((y * 255 / h) << 8) | ((x + 2 * y) & 0xFF);
            }
        }
        Frame frame = Frame.wrap(w, h, argb);
        try (TightEncoder encoder = TightEncoder.create(1)) {
            assertThat(encoder.split(frame, frame.bounds())).containsExactly(Rect.of(0, 0, w / 2, h),
                    Rect.of(w / 2, 0, w / 2, h));
            TightDecoder decoder = new TightDecoder();
            RoundTrip.assertSamePixels(RoundTrip.tight(encoder, decoder, frame, frame.bounds(), PixelFormat.NATURAL),
                    RoundTrip.expected(frame, frame.bounds(), PixelFormat.NATURAL), frame.bounds(), "photo and map");
            assertThat(decoder.gradients).as("the photo half").isEqualTo(1);
            assertThat(decoder.copies).as("the map half").isEqualTo(1);
        }
    }

    @Test
    void mapLikeFlatColoursWithSharpEdgesKeepTheirColours() throws Exception {
        // Hundreds of colours in short flat runs with hard edges: the prediction misses at every edge.
        Frame map = RandomFrames.frame(new java.util.Random(5), 256, 256, 400, 4);
        try (TightEncoder encoder = TightEncoder.create(1)) {
            TightDecoder decoder = new TightDecoder();
            RoundTrip.assertSamePixels(RoundTrip.tight(encoder, decoder, map, map.bounds(), PixelFormat.NATURAL),
                    RoundTrip.expected(map, map.bounds(), PixelFormat.NATURAL), map.bounds(), "map");
            assertThat(decoder.gradients).isZero();
            assertThat(decoder.copies).isPositive();
        }
    }

    /**
     * The encoder keeps what its split found (fills, photo-like pieces) and does not count their
     * colours again: the bytes must be those of an encoder that split an equal copy and so had to.
     */
    @Test
    void encodingThePiecesASplitFoundGivesTheBytesOfLookingAtThemAgain() {
        List<Path> screens = Screenshots.all();
        for (int i = 0; i < screens.size(); i += 3) {
            Frame frame = Screenshots.load(screens.get(i));
            Frame copy = Frame.copyOf(frame.width(), frame.height(), frame.copyPixels(frame.bounds()));
            for (PixelFormat format : List.of(TestFormats.NATURAL, TestFormats.BGR32_BIG_ENDIAN, TestFormats.RGB565)) {
                for (int quality : new int[] {-1, 6}) {
                    String what = screens.get(i).getFileName() + " " + format + " quality " + quality;
                    assertThat(encodeAll(frame, frame, format, quality)).as(what)
                            .isEqualTo(encodeAll(copy, frame, format, quality));
                }
            }
        }
    }

    /** Splits {@code splitOn}, then encodes those pieces of {@code frame}. */
    private static byte[] encodeAll(Frame splitOn, Frame frame, PixelFormat format, int quality) {
        try (TightEncoder encoder = TightEncoder.create(2, new ImageIoJpeg())) {
            encoder.setQualityLevel(TightEncoder.takesJpeg(format) ? quality : -1);
            ByteSink out = ByteSink.create();
            for (Rect piece : encoder.split(splitOn, frame.bounds())) {
                encoder.encode(frame, piece, format, out);
            }
            return out.toByteArray();
        }
    }
}
