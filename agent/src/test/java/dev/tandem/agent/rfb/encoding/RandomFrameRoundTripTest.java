package dev.tandem.agent.rfb.encoding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Seeded random frames with few and many colours, every format, full frames and random pieces. */
class RandomFrameRoundTripTest {
    private static final int[] COLOUR_COUNTS = {1, 2, 3, 4, 5, 16, 17, 127, 128, 200, 256, 257, 5000, 0};
    private static final int[] MEAN_RUNS = {1, 3, 40, 3000};

    @Test
    void zrleGivesBackEveryPixelAndUsesEverySubencoding() throws Exception {
        Random random = new Random(20261116L);
        int[] used = new int[256];
        for (PixelFormat format : TestFormats.ALL) {
            try (ZrleEncoder encoder = ZrleEncoder.create(random.nextInt(10))) {
                ZrleDecoder decoder = new ZrleDecoder();
                for (int colours : COLOUR_COUNTS) {
                    for (int meanRun : MEAN_RUNS) {
                        Frame frame = RandomFrames.frame(random, 1 + random.nextInt(200), 1 + random.nextInt(200),
                                colours, meanRun);
                        for (Rect r : new Rect[] {frame.bounds(), RandomFrames.rectInside(random, frame)}) {
                            RoundTrip.assertSamePixels(RoundTrip.zrle(encoder, decoder, frame, r, format),
                                    RoundTrip.expected(frame, r, format), r,
                                    "ZRLE " + format + " " + colours + " colours, runs " + meanRun);
                        }
                    }
                }
                for (int i = 0; i < 256; i++) {
                    used[i] += decoder.subencodingCounts[i];
                }
            }
        }
        assertThat(used[0]).as("raw tiles").isPositive();
        assertThat(used[1]).as("solid tiles").isPositive();
        assertThat(used[2] + used[3] + used[4]).as("1- and 2-bit packed palette tiles").isPositive();
        assertThat(used[5] + used[16]).as("4-bit packed palette tiles").isPositive();
        assertThat(used[128]).as("plain RLE tiles").isPositive();
        assertThat(used[130] + used[255]).as("palette RLE tiles, smallest and largest palette").isPositive();
    }

    @Test
    void tightGivesBackEveryPixelAndUsesEveryMode() throws Exception {
        Random random = new Random(6143L);
        int fills = 0;
        int copies = 0;
        int bitmaps = 0;
        int indexed = 0;
        for (PixelFormat format : TestFormats.ALL) {
            try (TightEncoder encoder = TightEncoder.create(random.nextInt(10))) {
                TightDecoder decoder = new TightDecoder();
                for (int colours : COLOUR_COUNTS) {
                    for (int meanRun : MEAN_RUNS) {
                        // Up to 400x400 so that Tight has to split into pieces.
                        Frame frame = RandomFrames.frame(random, 1 + random.nextInt(400), 1 + random.nextInt(400),
                                colours, meanRun);
                        for (Rect r : new Rect[] {frame.bounds(), RandomFrames.rectInside(random, frame)}) {
                            RoundTrip.assertSamePixels(RoundTrip.tight(encoder, decoder, frame, r, format),
                                    RoundTrip.expected(frame, r, format), r,
                                    "Tight " + format + " " + colours + " colours, runs " + meanRun);
                        }
                    }
                }
                fills += decoder.fills;
                copies += decoder.copies;
                bitmaps += decoder.bitmaps;
                indexed += decoder.indexed;
            }
        }
        assertThat(fills).as("fill").isPositive();
        assertThat(copies).as("full colour").isPositive();
        assertThat(bitmaps).as("two-colour bitmap").isPositive();
        assertThat(indexed).as("indexed palette").isPositive();
    }

    @Test
    void tightSplitsRectanglesWiderThanViewersAccept() throws Exception {
        Frame frame = RandomFrames.frame(new Random(7), 4100, 40, 0, 1);
        try (TightEncoder encoder = TightEncoder.create(1)) {
            assertThat(encoder.split(frame, frame.bounds())).allMatch(p -> p.width() <= 2048 && p.area() <= 65536)
                    .extracting(Rect::area).asList().hasSizeGreaterThan(2);
            RoundTrip.assertSamePixels(RoundTrip.tight(encoder, new TightDecoder(), frame, frame.bounds(),
                    TestFormats.NATURAL), RoundTrip.expected(frame, frame.bounds(), TestFormats.NATURAL),
                    frame.bounds(), "wide Tight");
        }
    }

    @Test
    void rawGivesBackEveryPixel() {
        Random random = new Random(11);
        for (PixelFormat format : TestFormats.ALL) {
            Frame frame = RandomFrames.frame(random, 1 + random.nextInt(300), 1 + random.nextInt(300), 0, 1);
            Rect r = RandomFrames.rectInside(random, frame);
            RoundTrip.assertSamePixels(RoundTrip.raw(frame, r, format), RoundTrip.expected(frame, r, format), r,
                    "Raw " + format);
        }
    }
}
