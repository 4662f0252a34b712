package dev.tandem.agent.rfb.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** JPEG only when the viewer asked for a quality level, and only where a palette cannot do it. */
class TightJpegTest {
    /** A smooth photo-like gradient: far more than 256 colours. */
    private static final Frame PHOTO = photo(160, 120);

    private static Frame photo(int w, int h) {
        int[] argb = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                argb[y * w + x] = ((x * 255 / w) << 16) | ((y * 255 / h) << 8) | ((x + y) & 0xFF);
            }
        }
        return Frame.wrap(w, h, argb);
    }

    @Test
    void photoLikeRectangleIsJpegOnlyAfterTheViewerAskedForQuality() throws Exception {
        ImageIoJpeg jpeg = new ImageIoJpeg();
        try (TightEncoder encoder = TightEncoder.create(6, jpeg)) {
            ByteSink lossless = ByteSink.create();
            encoder.encode(PHOTO, PHOTO.bounds(), PixelFormat.NATURAL, lossless);
            assertThat(lossless.byteAt(0) >>> 4).as("basic compression, stream 3, explicit filter").isEqualTo(7);
            assertThat(lossless.byteAt(1)).as("gradient filter: a smooth photo").isEqualTo(2);
            assertThat(jpeg.calls).isZero();

            encoder.setQualityLevel(6);
            ByteSink out = ByteSink.create();
            encoder.encode(PHOTO, PHOTO.bounds(), PixelFormat.NATURAL, out);
            WireReader in = new WireReader(out.toByteArray());
            assertThat(in.u8()).as("JPEG compression control").isEqualTo(0x90);
            int length = TightDecoder.compactLength(in);
            assertThat(in.remaining()).isEqualTo(length);
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(in.bytes(length)));
            assertThat(image.getWidth()).isEqualTo(160);
            assertThat(image.getHeight()).isEqualTo(120);
            assertThat(jpeg.lastQuality).isEqualTo(65);
            for (int y = 0; y < 120; y += 7) {
                for (int x = 0; x < 160; x += 7) {
                    int expected = PHOTO.pixel(x, y);
                    int actual = image.getRGB(x, y);
                    for (int shift = 0; shift <= 16; shift += 8) {
                        assertThat(Math.abs(((expected >>> shift) & 0xFF) - ((actual >>> shift) & 0xFF)))
                                .as("channel at %d,%d", x, y).isLessThanOrEqualTo(24);
                    }
                }
            }
        }
    }

    @Test
    void fewColoursStayLosslessEvenWithJpegOn() throws Exception {
        ImageIoJpeg jpeg = new ImageIoJpeg();
        Frame ui = RandomFrames.frame(new java.util.Random(3), 200, 100, 12, 20);
        try (TightEncoder encoder = TightEncoder.create(6, jpeg)) {
            encoder.setQualityLevel(9);
            RoundTrip.assertSamePixels(RoundTrip.tight(encoder, new TightDecoder(), ui, ui.bounds(),
                    PixelFormat.NATURAL), RoundTrip.expected(ui, ui.bounds(), PixelFormat.NATURAL), ui.bounds(), "UI");
            assertThat(jpeg.calls).isZero();
        }
    }

    @Test
    void eightBitViewerNeverGetsJpeg() throws Exception {
        ImageIoJpeg jpeg = new ImageIoJpeg();
        try (TightEncoder encoder = TightEncoder.create(6, jpeg)) {
            encoder.setQualityLevel(0);
            RoundTrip.assertSamePixels(RoundTrip.tight(encoder, new TightDecoder(), PHOTO, PHOTO.bounds(),
                    TestFormats.BGR233), RoundTrip.expected(PHOTO, PHOTO.bounds(), TestFormats.BGR233), PHOTO.bounds(),
                    "8 bpp");
            assertThat(jpeg.calls).isZero();
        }
    }

    @Test
    void photoPiecesOfAColumnGoAsOneJpeg() throws Exception {
        Frame tall = photo(300, 600);
        ImageIoJpeg jpeg = new ImageIoJpeg();
        try (TightEncoder encoder = TightEncoder.create(1, jpeg)) {
            assertThat(encoder.split(tall, tall.bounds())).as("lossless: Tight's 64K-pixel pieces")
                    .hasSizeGreaterThan(2).allMatch(p -> p.area() <= 65536);
            encoder.setQualityLevel(6);
            assertThat(encoder.split(tall, tall.bounds())).as("JPEG: one piece, one set of headers")
                    .containsExactly(tall.bounds());
            ByteSink out = ByteSink.create();
            encoder.encode(tall, tall.bounds(), PixelFormat.NATURAL, out);
            WireReader in = new WireReader(out.toByteArray());
            assertThat(in.u8()).as("JPEG compression control").isEqualTo(0x90);
            int length = TightDecoder.compactLength(in);
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(in.bytes(length)));
            assertThat(image.getWidth()).isEqualTo(300);
            assertThat(image.getHeight()).isEqualTo(600);
            assertThat(jpeg.calls).isEqualTo(1);
        }
    }

    @Test
    void joinedJpegPieceIsRefusedToAFormatWithoutJpeg() {
        Frame tall = photo(300, 600);
        assertThat(TightEncoder.takesJpeg(TestFormats.BGR233)).isFalse();
        assertThat(TightEncoder.takesJpeg(PixelFormat.NATURAL)).isTrue();
        try (TightEncoder encoder = TightEncoder.create(1, new ImageIoJpeg())) {
            encoder.setQualityLevel(6);
            assertThatThrownBy(() -> encoder.encode(tall, tall.bounds(), TestFormats.BGR233, ByteSink.create()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("quality level -1");
        }
    }

    @Test
    void qualityLevelNeedsACompressor() {
        assertThatThrownBy(() -> TightEncoder.create(6).setQualityLevel(5)).hasMessageContaining("JpegCompressor");
        assertThatThrownBy(() -> TightEncoder.create(6, new ImageIoJpeg()).setQualityLevel(10))
                .hasMessageContaining("0..9");
    }

    @Test
    void compactLengthUsesOneToThreeBytes() {
        int[] lengths = {0, 127, 128, 16383, 16384, 4194303};
        int[] sizes = {1, 1, 2, 2, 3, 3};
        for (int i = 0; i < lengths.length; i++) {
            ByteSink out = ByteSink.create();
            TightEncoder.writeCompactLength(lengths[i], out);
            assertThat(out.size()).isEqualTo(sizes[i]);
            assertThat(TightDecoder.compactLength(new WireReader(out.toByteArray()))).isEqualTo(lengths[i]);
        }
        assertThatThrownBy(() -> TightEncoder.writeCompactLength(4194304, ByteSink.create()))
                .hasMessageContaining("4194303");
    }
}
