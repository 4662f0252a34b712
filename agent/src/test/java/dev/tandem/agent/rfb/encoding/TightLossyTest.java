package dev.tandem.agent.rfb.encoding;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With a JPEG quality level below 9, palettes keep their main colours and round the rare ones. */
class TightLossyTest {
    @Test
    void theStepGrowsAsTheQualityLevelFalls() {
        assertThat(TightLossy.paletteStep(9)).as("level 9: exact palettes").isEqualTo(1);
        assertThat(TightLossy.paletteStep(8)).isEqualTo(4);
        assertThat(TightLossy.paletteStep(6)).as("noVNC's default").isEqualTo(16);
        assertThat(TightLossy.paletteStep(3)).as("the console's data saver").isEqualTo(32);
        assertThat(TightLossy.paletteStep(0)).isEqualTo(32);
        TightLossy six = TightLossy.of(new ImageIoJpeg(), 6);
        assertThat(six.round(0x07F8FF)).as("to the nearest multiple of 16, 255 at the top").isEqualTo(0x00FFFF);
        assertThat(six.round(0x181828)).isEqualTo(0x202030);
    }

    /**
     * At level 6 on the real screenshots: every palette pixel within half a step (8) of the screen's,
     * the colours that cover 1/64 of their piece exact, and fewer colours in all than exact palettes.
     */
    @Test
    void paletteColoursCoveringMuchOfAPieceStayExactTheRestWithinHalfAStep() throws Exception {
        int rounded = 0;
        for (Path png : Screenshots.all()) {
            Frame frame = Screenshots.load(png);
            try (TightEncoder encoder = TightEncoder.create(2, new ImageIoJpeg())) {
                encoder.setQualityLevel(6);
                TightDecoder viewer = new TightDecoder();
                for (Rect piece : encoder.split(frame, frame.bounds())) {
                    ByteSink out = ByteSink.create();
                    encoder.encode(frame, piece, PixelFormat.NATURAL, out);
                    int[] decoded = viewer.decodeNext(new WireReader(out.toByteArray()), piece, PixelFormat.NATURAL);
                    if (decoded != null) {
                        rounded += check(frame, piece, decoded, png.getFileName().toString());
                    }
                }
            }
        }
        assertThat(rounded).as("pixels whose rare colour was rounded").isGreaterThan(10_000);
    }

    /** Returns how many pixels came back other than they were. */
    private static int check(Frame frame, Rect piece, int[] decoded, String what) {
        int[] expected = RoundTrip.expected(frame, piece, PixelFormat.NATURAL);
        Map<Integer, Integer> uses = new HashMap<>();
        for (int pixel : expected) {
            uses.merge(pixel, 1, Integer::sum);
        }
        int differing = 0;
        for (int i = 0; i < expected.length; i++) {
            if (decoded[i] == expected[i]) {
                continue;
            }
            differing++;
            String at = what + " " + piece + " pixel " + i;
            assertThat(uses.get(expected[i]) * (long) TightLossy.KEEP_SHARE).as("%s: a main colour", at)
                    .isLessThan(expected.length);
            for (int shift = 0; shift < 24; shift += 8) {
                assertThat(Math.abs(((decoded[i] >>> shift) & 0xFF) - ((expected[i] >>> shift) & 0xFF)))
                        .as("%s channel %d", at, shift).isLessThanOrEqualTo(8);
            }
        }
        return differing;
    }

    /** A piece of at most {@value TightLossy#MIN_COLOURS} colours has no edges to round: exact even at level 3. */
    @Test
    void fewColourPiecesAreSentExactly() throws Exception {
        Frame ui = RandomFrames.frame(new java.util.Random(7), 120, 80, 6, 6);
        try (TightEncoder encoder = TightEncoder.create(2, new ImageIoJpeg())) {
            encoder.setQualityLevel(3);
            RoundTrip.assertSamePixels(RoundTrip.tight(encoder, new TightDecoder(), ui, ui.bounds(),
                    PixelFormat.NATURAL), RoundTrip.expected(ui, ui.bounds(), PixelFormat.NATURAL), ui.bounds(),
                    "six colours");
        }
    }
}
