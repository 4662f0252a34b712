package dev.tandem.device.screen;

import dev.tandem.agent.rfb.encoding.Frame;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import javax.imageio.ImageIO;

/** Test fixtures: a clock the test moves by hand, and frames saved as PNGs to look at. */
final class ScreenPictures {
    static final Path DIRECTORY = Path.of("target", "screens");

    private ScreenPictures() {
    }

    static void save(Frame frame, String name) {
        BufferedImage image = new BufferedImage(frame.width(), frame.height(), BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, frame.width(), frame.height(), frame.copyPixels(frame.bounds()), 0, frame.width());
        try {
            Files.createDirectories(DIRECTORY);
            ImageIO.write(image, "png", DIRECTORY.resolve(name + ".png").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A clock that stands still until the test moves it. */
    static final class HandClock extends Clock {
        private volatile Instant now;

        HandClock(Instant now) {
            this.now = now;
        }

        void advanceSeconds(long seconds) {
            now = now.plusSeconds(seconds);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the test clock is UTC only");
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
