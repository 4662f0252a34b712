package dev.tandem.agent.rfb.encoding;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * The real Android screenshots of {@code shared/bench/android-screens}, found through the system
 * property {@code tandem.benchScreens} that surefire sets. Missing screenshots fail the test: a
 * skipped encoder test would hide a broken encoder.
 */
final class Screenshots {
    private static final Map<Path, Frame> CACHE = new ConcurrentHashMap<>();

    private Screenshots() {
    }

    static List<Path> all() {
        String dir = System.getProperty("tandem.benchScreens");
        if (dir == null) {
            throw new IllegalStateException("system property tandem.benchScreens is not set; run the tests with "
                    + "Maven (surefire sets it) or pass -Dtandem.benchScreens=<dir with the Android screenshots>");
        }
        try (Stream<Path> files = Files.list(Path.of(dir))) {
            List<Path> pngs = files.filter(p -> p.toString().endsWith(".png")).sorted().collect(Collectors.toList());
            if (pngs.size() != 16) {
                throw new IllegalStateException("expected the 16 Android screenshots in " + dir + ", found "
                        + pngs.size());
            }
            return pngs;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the Android screenshots in " + dir + ": the tests expect the "
                    + "project's shared/bench/android-screens beside the repository (as CI has it); elsewhere run "
                    + "./mvnw verify -Dtandem.benchScreens=<that folder>", e);
        }
    }

    static Frame load(Path png) {
        return CACHE.computeIfAbsent(png, p -> {
            try {
                BufferedImage image = ImageIO.read(p.toFile());
                int w = image.getWidth();
                int h = image.getHeight();
                return Frame.wrap(w, h, image.getRGB(0, 0, w, h, null, 0, w));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + p, e);
            }
        });
    }
}
