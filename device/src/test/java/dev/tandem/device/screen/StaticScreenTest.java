package dev.tandem.device.screen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.agent.screen.ScreenSize;
import dev.tandem.agent.rfb.encoding.Frame;
import dev.tandem.device.ScreenImage;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaticScreenTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    @Test
    void showsTheImagesOwnPixelsAtItsOwnSize() throws Exception {
        Path png = benchScreen();
        BufferedImage picture = ImageIO.read(png.toFile());

        StaticScreen screen = StaticScreen.open(ScreenImage.open(png));
        Frame frame = screen.capture();

        assertThat(screen.geometry().frame()).isEqualTo(ScreenSize.of(picture.getWidth(), picture.getHeight()));
        for (int[] p : new int[][] {{0, 0}, {picture.getWidth() / 2, picture.getHeight() / 3},
                {picture.getWidth() - 1, picture.getHeight() - 1}, {123, 1777}}) {
            assertThat(frame.pixel(p[0], p[1])).as("pixel %d,%d", p[0], p[1]).isEqualTo(picture.getRGB(p[0], p[1]));
        }
        assertThat(screen.capture()).isSameAs(frame);
    }

    @Test
    void askedForAHalfSizeItShowsThePictureAveragedDownAndCentred() {
        BufferedImage picture = new BufferedImage(40, 80, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 80; y++) {
            for (int x = 0; x < 40; x++) {
                picture.setRGB(x, y, (x + y) % 2 == 0 ? 0xFFFFFF : 0x0000FF); // a checkerboard averages to one colour
            }
        }
        StaticScreen screen = StaticScreen.of(picture);
        screen.resize(ScreenSize.of(30, 40));
        Frame frame = screen.capture();

        assertThat(frame.width()).isEqualTo(30);
        assertThat(screen.geometry().pictureX()).isEqualTo(5);
        assertThat(frame.pixel(2, 20) & 0xFFFFFF).as("bar").isZero();
        assertThat(frame.pixel(15, 20) & 0xFFFFFF).as("averaged, not one of the squares").isIn(0x7F7FFF, 0x8080FF);
        screen.resizeToPhone();
        assertThat(screen.capture().width()).isEqualTo(40);
    }

    @Test
    void aFileThatLooksLikeAPngButIsBrokenIsRefusedWithASentence() throws Exception {
        Path broken = Files.write(dir.resolve("broken.png"),
                new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0});
        assertThatThrownBy(() -> StaticScreen.open(ScreenImage.open(broken))).hasMessageContaining("broken.png");
    }

    private static Path benchScreen() throws Exception {
        String directory = System.getProperty("tandem.benchScreens");
        assertThat(directory).as("system property tandem.benchScreens (set by surefire)").isNotBlank();
        Path screens = Path.of(directory);
        assertThat(screens).as("bench screens directory").isDirectory();
        try (Stream<Path> files = Files.list(screens)) {
            return files.filter(f -> f.toString().endsWith(".png")).sorted().findFirst()
                    .orElseThrow(() -> new AssertionError("no PNG in " + screens));
        }
    }
}
