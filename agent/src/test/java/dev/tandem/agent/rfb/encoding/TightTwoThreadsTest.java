package dev.tandem.agent.rfb.encoding;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A big update with JPEG on is encoded by two threads, each with its own zlib streams, and the
 * rectangles come in another order: a viewer that inflates them in the order received gets every
 * pixel of every lossless piece, and a JPEG for every photo piece.
 */
class TightTwoThreadsTest {
    @Test
    void aViewerDecodesEveryPieceOfTwoThreadsUpdatesOneAfterAnother() throws Exception {
        List<Path> screens = Screenshots.all();
        try (TightEncoder encoder = TightEncoder.create(2, new ImageIoJpeg())) {
            encoder.setQualityLevel(9); // JPEG on, palettes exact (TightLossy)
            TightDecoder viewer = new TightDecoder();
            for (Path png : screens) {
                Frame frame = Screenshots.load(png);
                List<Rect> pieces = encoder.split(frame, frame.bounds());
                ByteSink out = ByteSink.create();
                encoder.encodeAll(frame, pieces, PixelFormat.NATURAL, out);
                WireReader in = new WireReader(out.toByteArray());
                Set<Rect> received = new HashSet<>();
                while (in.remaining() > 0) {
                    Rect r = Rect.of(in.u16(), in.u16(), in.u16(), in.u16());
                    assertThat(in.u32()).as("encoding").isEqualTo(TightEncoder.TYPE);
                    assertThat(received.add(r)).as("%s sent once", r).isTrue();
                    int[] pixels = viewer.decodeNext(in, r, PixelFormat.NATURAL);
                    if (pixels != null) {
                        RoundTrip.assertSamePixels(pixels, RoundTrip.expected(frame, r, PixelFormat.NATURAL), r,
                                png.getFileName().toString());
                    }
                }
                assertThat(received).as(png.getFileName().toString()).containsExactlyInAnyOrderElementsOf(pieces);
            }
            boolean secondStreams = (viewer.streamsUsed & 0b1001) != 0;
            assertThat(secondStreams).as("streams 0 and 3 carry the second thread's palettes; used only with two cores")
                    .isEqualTo(Runtime.getRuntime().availableProcessors() > 1);
        }
    }
}
