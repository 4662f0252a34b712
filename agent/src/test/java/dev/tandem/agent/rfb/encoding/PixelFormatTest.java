package dev.tandem.agent.rfb.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PixelFormatTest {
    @Test
    void naturalFormatIsWrittenAsRfcServerInitExpects() {
        assertThat(PixelFormat.NATURAL.write()).containsExactly(32, 24, 0, 1, 0, 255, 0, 255, 0, 255, 16, 8, 0, 0, 0, 0);
    }

    @Test
    void everyFormatSurvivesWriteAndRead() {
        for (PixelFormat f : TestFormats.ALL) {
            assertThat(PixelFormat.read(f.write())).isEqualTo(f);
        }
    }

    @Test
    void packScalesEachChannelToItsMaximumAndShiftsIt() {
        assertThat(PixelFormat.NATURAL.pack(0xFF123456)).isEqualTo(0x123456);
        assertThat(TestFormats.BGR32_BIG_ENDIAN.pack(0x123456)).isEqualTo(0x563412);
        assertThat(TestFormats.RGBX32.pack(0x123456)).isEqualTo(0x12345600);
        assertThat(TestFormats.RGB565.pack(0xFF0000)).isEqualTo(0xF800);
        assertThat(TestFormats.RGB565.pack(0x00FF00)).isEqualTo(0x07E0);
        assertThat(TestFormats.RGB565.pack(0x808080)).isEqualTo((16 << 11) | (32 << 5) | 16);
        assertThat(TestFormats.BGR233.pack(0xFFFFFF)).isEqualTo(0xFF);
        assertThat(TestFormats.BGR233.pack(0x0000FF)).isEqualTo(0xC0);
        assertThat(TestFormats.BGR233.pack(0xFF0000)).isEqualTo(0x07);
        assertThat(TestFormats.DEPTH32.pack(0xFFFFFF)).isEqualTo(0x3FFFFFFF);
    }

    @Test
    void pixelsAreWrittenInTheViewersByteOrder() {
        ByteSink out = ByteSink.create();
        PixelFormat.NATURAL.writePixel(0x123456, out);
        TestFormats.BGR32_BIG_ENDIAN.writePixel(0x563412, out);
        TestFormats.RGB565.writePixel(0xF800, out);
        TestFormats.RGB555_BIG_ENDIAN.writePixel(0x7C00, out);
        TestFormats.BGR233.writePixel(0xC0, out);
        assertThat(out.toByteArray()).containsExactly(0x56, 0x34, 0x12, 0, 0, 0x56, 0x34, 0x12, 0x00, 0xF8, 0x7C, 0x00,
                0xC0);
    }

    @Test
    void cpixelIsThreeBytesOnlyWhenTheColourFitsInThreeOfFourBytes() {
        assertThat(PixelFormat.NATURAL.cpixelBytes()).isEqualTo(3);
        assertThat(TestFormats.BGR32_BIG_ENDIAN.cpixelBytes()).isEqualTo(3);
        assertThat(TestFormats.RGBX32.cpixelBytes()).isEqualTo(3);
        assertThat(TestFormats.DEPTH32.cpixelBytes()).isEqualTo(4);
        assertThat(TestFormats.RGB565.cpixelBytes()).isEqualTo(2);
        assertThat(TestFormats.BGR233.cpixelBytes()).isEqualTo(1);

        ByteSink out = ByteSink.create();
        TestFormats.RGBX32.writeCPixel(0x12345600, out);
        TestFormats.BGR32_BIG_ENDIAN.writeCPixel(0x563412, out);
        assertThat(out.toByteArray()).containsExactly(0x56, 0x34, 0x12, 0x56, 0x34, 0x12);
    }

    @Test
    void tpixelIsRedGreenBlueOnlyForEightBitChannelsInThirtyTwoBits() {
        assertThat(PixelFormat.NATURAL.tpixelBytes()).isEqualTo(3);
        assertThat(TestFormats.BGR32_BIG_ENDIAN.tpixelBytes()).isEqualTo(3);
        assertThat(TestFormats.DEPTH32.tpixelBytes()).isEqualTo(4);
        assertThat(TestFormats.RGB565.tpixelBytes()).isEqualTo(2);
        ByteSink out = ByteSink.create();
        TestFormats.BGR32_BIG_ENDIAN.writeTPixel(TestFormats.BGR32_BIG_ENDIAN.pack(0x123456), out);
        assertThat(out.toByteArray()).containsExactly(0x12, 0x34, 0x56);
    }

    @Test
    void impossibleFormatsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> PixelFormat.of(24, 24, false, true, 255, 255, 255, 16, 8, 0))
                .hasMessageContaining("8, 16 or 32");
        assertThatThrownBy(() -> PixelFormat.of(16, 16, false, true, 255, 63, 31, 11, 5, 0))
                .hasMessageContaining("red").hasMessageContaining("does not fit");
        assertThatThrownBy(() -> PixelFormat.read(new byte[15])).hasMessageContaining("16 bytes");
    }

    @Test
    void colourMapFormatsAreReadButNotPacked() {
        PixelFormat colourMap = PixelFormat.read(new byte[] {8, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        assertThat(colourMap.trueColour()).isFalse();
        assertThatThrownBy(() -> colourMap.pack(0xFFFFFF)).hasMessageContaining("colour map");
    }
}
