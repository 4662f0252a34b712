package dev.tandem.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScreenImageTest {
    @TempDir
    Path dir;

    @Test
    void pngAndJpegAreRecognisedByTheirFirstBytesNotTheirNames() throws Exception {
        Path png = picture("png", "screen.jpg");
        Path jpeg = picture("jpeg", "screen.png");

        assertThat(ScreenImage.open(png).format()).isEqualTo(ScreenImage.Format.PNG);
        assertThat(ScreenImage.open(jpeg).format()).isEqualTo(ScreenImage.Format.JPEG);
    }

    @Test
    void otherFilesAreRefusedWithASentence() throws Exception {
        Path gif = picture("gif", "screen.gif");
        Path text = Files.writeString(dir.resolve("notes.png"), "not a picture", StandardCharsets.UTF_8);
        Path empty = Files.createFile(dir.resolve("empty.png"));

        assertThatThrownBy(() -> ScreenImage.open(gif)).hasMessageContaining("neither a PNG nor a JPEG");
        assertThatThrownBy(() -> ScreenImage.open(text)).hasMessageContaining("neither a PNG nor a JPEG");
        assertThatThrownBy(() -> ScreenImage.open(empty)).hasMessageContaining("neither a PNG nor a JPEG");
        assertThatThrownBy(() -> ScreenImage.open(dir.resolve("missing.png"))).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> ScreenImage.open(dir)).hasMessageContaining("not a file");
    }

    private Path picture(String format, String name) throws Exception {
        Path file = dir.resolve(name);
        BufferedImage image = new BufferedImage(108, 240, BufferedImage.TYPE_INT_RGB);
        image.setRGB(10, 10, 0xFF8800);
        assertThat(ImageIO.write(image, format, file.toFile())).as("ImageIO writes " + format).isTrue();
        return file;
    }
}
