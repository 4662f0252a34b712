package dev.tandem.android.screen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class RgbaPixelsTest {

    @Test
    void rgbaBytesBecomeOpaqueArgbAndRowPaddingIsSkipped() {
        // 2x2 image, rows padded to 12 bytes as ImageReader does on many phones.
        byte[] plane = {
            (byte) 0xFF, 0x00, 0x00, 0x00, 0x00, (byte) 0x80, 0x00, (byte) 0xFF, 9, 9, 9, 9,
            0x01, 0x02, 0x03, 0x7F, (byte) 0xFE, (byte) 0xFD, (byte) 0xFC, 0x00, 9, 9, 9, 9,
        };
        int[] argb = RgbaPixels.toArgb(ByteBuffer.wrap(plane), 2, 2, 4, 12);
        assertThat(argb).containsExactly(0xFFFF0000, 0xFF008000, 0xFF010203, 0xFFFEFDFC);
    }

    @Test
    void aLastRowWithoutPaddingIsEnough() {
        byte[] plane = new byte[12 + 8];
        plane[12] = 5;
        int[] argb = RgbaPixels.toArgb(ByteBuffer.wrap(plane), 2, 2, 4, 12);
        assertThat(argb[2]).isEqualTo(0xFF050000);
    }

    @Test
    void otherPixelLayoutsAndShortPlanesAreRefused() {
        assertThatThrownBy(() -> RgbaPixels.toArgb(ByteBuffer.allocate(100), 2, 2, 2, 8))
                .hasMessageContaining("RGBA_8888");
        assertThatThrownBy(() -> RgbaPixels.toArgb(ByteBuffer.allocate(10), 2, 2, 4, 8))
                .hasMessageContaining("needs 16");
        assertThatThrownBy(() -> RgbaPixels.toArgb(ByteBuffer.allocate(100), 4, 2, 4, 8))
                .hasMessageContaining("does not fit 4 pixels");
    }
}
