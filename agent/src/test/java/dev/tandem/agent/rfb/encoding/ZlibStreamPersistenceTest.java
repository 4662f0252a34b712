package dev.tandem.agent.rfb.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.zip.DataFormatException;
import org.junit.jupiter.api.Test;

/**
 * A viewer keeps one inflater per zlib stream for the whole connection: the second rectangle continues
 * the first one's stream (no new zlib header), and each rectangle is complete without the next.
 */
class ZlibStreamPersistenceTest {
    private final Frame first = RandomFrames.frame(new Random(1), 300, 200, 40, 6);
    private final Frame second = RandomFrames.frame(new Random(2), 300, 200, 40, 6);

    @Test
    void zrleRectanglesShareOneStreamAcrossUpdates() throws Exception {
        try (ZrleEncoder encoder = ZrleEncoder.create(6)) {
            ByteSink a = ByteSink.create();
            ByteSink b = ByteSink.create();
            encoder.encode(first, first.bounds(), PixelFormat.NATURAL, a);
            encoder.encode(second, Rect.of(10, 20, 100, 150), PixelFormat.NATURAL, b);

            ZrleDecoder viewer = new ZrleDecoder();
            RoundTrip.assertSamePixels(viewer.decode(a.toByteArray(), first.bounds(), PixelFormat.NATURAL),
                    RoundTrip.expected(first, first.bounds(), PixelFormat.NATURAL), first.bounds(), "first");
            Rect r = Rect.of(10, 20, 100, 150);
            RoundTrip.assertSamePixels(viewer.decode(b.toByteArray(), r, PixelFormat.NATURAL),
                    RoundTrip.expected(second, r, PixelFormat.NATURAL), r, "second");

            // A viewer that did not see the first rectangle cannot read the second: the stream went on.
            assertThatThrownBy(() -> new ZrleDecoder().decode(b.toByteArray(), r, PixelFormat.NATURAL))
                    .isInstanceOf(DataFormatException.class);
            // Only the first rectangle starts with a zlib header (0x78 after the 4-byte length).
            assertThat(a.byteAt(4)).isEqualTo(0x78);
            assertThat(b.byteAt(4)).isNotEqualTo(0x78);
        }
    }

    @Test
    void tightStreamsContinueAcrossRectanglesAndAreNeverReset() throws Exception {
        try (TightEncoder encoder = TightEncoder.create(6)) {
            TightDecoder viewer = new TightDecoder();
            Rect r = Rect.of(0, 0, 200, 100);
            byte[] last = null;
            for (Frame frame : new Frame[] {first, second, first}) {
                ByteSink out = ByteSink.create();
                encoder.encode(frame, r, PixelFormat.NATURAL, out);
                last = out.toByteArray();
                assertThat(last[0] & 0x0F).as("stream reset bits").isZero();
                RoundTrip.assertSamePixels(viewer.decode(last, r, PixelFormat.NATURAL),
                        RoundTrip.expected(frame, r, PixelFormat.NATURAL), r, "Tight");
            }
            byte[] third = last;
            assertThatThrownBy(() -> new TightDecoder().decode(third, r, PixelFormat.NATURAL))
                    .isInstanceOf(DataFormatException.class);
        }
    }
}
