package dev.tandem.bench;

import dev.tandem.device.screen.ImageIoJpegCompressor;
import dev.tandem.agent.rfb.encoding.ByteSink;
import dev.tandem.agent.rfb.encoding.Encoder;
import dev.tandem.agent.rfb.encoding.Frame;
import dev.tandem.agent.rfb.encoding.PixelFormat;
import dev.tandem.agent.rfb.encoding.RawEncoder;
import dev.tandem.agent.rfb.encoding.Rect;
import dev.tandem.agent.rfb.encoding.TightEncoder;
import dev.tandem.agent.rfb.encoding.ZrleEncoder;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The RFB encoders on the real Android screenshots, against ImageIO's PNG of the same pixels: bytes
 * and time of a first full-frame update to a new viewer (fresh zlib streams), in the natural format.
 * Bytes include the 12-byte header of every rectangle sent (Tight sends a frame as several).
 */
@Command(name = "encoder", mixinStandardHelpOptions = true,
        description = "RFB encoders (Raw, ZRLE, Tight, Tight+JPEG) on the Android screenshots against PNG "
                + "(goals: lossless <= 0.70x PNG bytes and <= 0.5x PNG time, JPEG mode <= 0.25x PNG bytes).")
public final class EncoderBenchmark implements Callable<Integer> {
    @Option(names = "--screens", description = "Directory of the screenshots. Default: the system property "
            + "tandem.benchScreens, else ../shared/bench/android-screens")
    Path screens;

    @Option(names = "--runs", defaultValue = "5", description = "Measured runs per encoder and screenshot (median). Default: ${DEFAULT-VALUE}")
    int runs;

    @Option(names = "--warmup", defaultValue = "2", description = "Unmeasured runs before measuring. Default: ${DEFAULT-VALUE}")
    int warmup;

    @Option(names = "--zlib-level", defaultValue = "1", description = "zlib level of ZRLE and Tight, 0..9. Default: ${DEFAULT-VALUE}")
    int zlibLevel;

    @Option(names = "--jpeg-quality-level", defaultValue = "6", description = "Tight quality level 0..9 for the JPEG column. Default: ${DEFAULT-VALUE}")
    int qualityLevel;

    private static final double GOAL_LOSSLESS_BYTES = 0.70;
    private static final double GOAL_LOSSLESS_TIME = 0.5;
    private static final double GOAL_JPEG_BYTES = 0.25;
    private static final int RECT_HEADER = 12;

    /** Bytes and median milliseconds of one way of sending a frame. */
    private static final class Result {
        final long bytes;
        final double millis;

        Result(long bytes, double millis) {
            this.bytes = bytes;
            this.millis = millis;
        }
    }

    @Override
    public Integer call() throws Exception {
        List<Path> pngs = screenshots();
        System.out.printf("Tandem encoder benchmark on %d cores: %d screenshots from %s, natural pixel format, "
                        + "zlib level %d, median of %d runs after %d warm-up%n", Runtime.getRuntime().availableProcessors(),
                pngs.size(), screensDir(), zlibLevel, runs, warmup);
        System.out.println();
        String columns = "%-22s %15s %15s %22s %22s %22s%n";
        System.out.printf(columns, "screenshot", "PNG KB / ms", "Raw KB / ms", "ZRLE KB / ms / xPNG",
                "Tight KB / ms / xPNG", "Tight+JPEG KB/ms/xPNG");
        System.out.printf(columns, "-".repeat(22), "-".repeat(15), "-".repeat(15), "-".repeat(22), "-".repeat(22),
                "-".repeat(22));
        long[] bytes = new long[5];
        double[] millis = new double[5];
        for (Path png : pngs) {
            Frame frame = load(png);
            BufferedImage image = new BufferedImage(frame.width(), frame.height(), BufferedImage.TYPE_INT_RGB);
            image.setRGB(0, 0, frame.width(), frame.height(), frame.copyPixels(frame.bounds()), 0, frame.width());
            Result[] row = {
                measure(() -> pngBytes(image)),
                measure(() -> rfbBytes(RawEncoder.create(), frame)),
                measure(() -> rfbBytes(ZrleEncoder.create(zlibLevel), frame)),
                measure(() -> rfbBytes(TightEncoder.create(zlibLevel), frame)),
                measure(() -> {
                    TightEncoder jpeg = TightEncoder.create(zlibLevel, new ImageIoJpegCompressor());
                    jpeg.setQualityLevel(qualityLevel);
                    return rfbBytes(jpeg, frame);
                }),
            };
            for (int i = 0; i < row.length; i++) {
                bytes[i] += row[i].bytes;
                millis[i] += row[i].millis;
            }
            double pngBytes = row[0].bytes;
            System.out.printf("%-22s %15s %15s %22s %22s %22s%n", png.getFileName() + " " + frame.width() + "x"
                            + frame.height(), cell(row[0]), cell(row[1]), cell(row[2], pngBytes), cell(row[3], pngBytes),
                    cell(row[4], pngBytes));
        }
        System.out.printf(columns, "-".repeat(22), "-".repeat(15), "-".repeat(15), "-".repeat(22), "-".repeat(22),
                "-".repeat(22));
        Result[] total = new Result[5];
        for (int i = 0; i < 5; i++) {
            total[i] = new Result(bytes[i], millis[i]);
        }
        System.out.printf("%-22s %15s %15s %22s %22s %22s%n", "total", cell(total[0]), cell(total[1]),
                cell(total[2], bytes[0]), cell(total[3], bytes[0]), cell(total[4], bytes[0]));

        double zrleBytes = (double) bytes[2] / bytes[0];
        double zrleTime = millis[2] / millis[0];
        double tightBytes = (double) bytes[3] / bytes[0];
        double tightTime = millis[3] / millis[0];
        double jpegBytes = (double) bytes[4] / bytes[0];
        boolean zrleMet = zrleBytes <= GOAL_LOSSLESS_BYTES && zrleTime <= GOAL_LOSSLESS_TIME;
        boolean tightMet = tightBytes <= GOAL_LOSSLESS_BYTES && tightTime <= GOAL_LOSSLESS_TIME;
        boolean jpegMet = jpegBytes <= GOAL_JPEG_BYTES;
        System.out.println();
        System.out.printf("encoder: vs PNG, ZRLE %.2fx bytes %.2fx time, Tight %.2fx bytes %.2fx time (goal <= %.2fx "
                        + "bytes, <= %.1fx time: ZRLE %s, Tight %s); Tight+JPEG q%d %.2fx bytes (goal <= %.2fx: %s)%n",
                zrleBytes, zrleTime, tightBytes, tightTime, GOAL_LOSSLESS_BYTES, GOAL_LOSSLESS_TIME, met(zrleMet),
                met(tightMet), qualityLevel, jpegBytes, GOAL_JPEG_BYTES, met(jpegMet));
        return 0;
    }

    private static String met(boolean met) {
        return met ? "met" : "NOT met";
    }

    private static String cell(Result r) {
        return String.format("%7.1f / %5.1f", r.bytes / 1024.0, r.millis);
    }

    private static String cell(Result r, double pngBytes) {
        return String.format("%7.1f / %5.1f / %.2f", r.bytes / 1024.0, r.millis, r.bytes / pngBytes);
    }

    /** Runs {@code work} warm-up plus measured times; the bytes of the last run, the median time. */
    private Result measure(Supplier<Long> work) {
        for (int i = 0; i < warmup; i++) {
            work.get();
        }
        double[] times = new double[runs];
        long bytes = 0;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            bytes = work.get();
            times[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(times);
        return new Result(bytes, times[runs / 2]);
    }

    private static long pngBytes(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
            ImageIO.write(image, "png", out);
            return out.size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A whole frame to a new viewer: every rectangle the encoder sends, header included. */
    private static long rfbBytes(Encoder encoder, Frame frame) {
        try (encoder) {
            ByteSink out = ByteSink.create(4 << 20);
            long total = 0;
            for (Rect r : encoder.split(frame, frame.bounds())) {
                out.reset();
                encoder.encode(frame, r, PixelFormat.NATURAL, out);
                total += RECT_HEADER + out.size();
            }
            return total;
        }
    }

    private Path screensDir() {
        if (screens != null) {
            return screens;
        }
        String property = System.getProperty("tandem.benchScreens");
        return Path.of(property != null ? property : "../shared/bench/android-screens");
    }

    private List<Path> screenshots() throws IOException {
        Path dir = screensDir();
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("no screenshot directory at " + dir.toAbsolutePath()
                    + "; pass --screens DIR");
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> pngs = files.filter(p -> p.toString().endsWith(".png")).sorted().collect(Collectors.toList());
            if (pngs.isEmpty()) {
                throw new IllegalArgumentException("no .png files in " + dir.toAbsolutePath());
            }
            return pngs;
        }
    }

    private static Frame load(Path png) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        if (image == null) {
            throw new IOException("ImageIO cannot read " + png);
        }
        int w = image.getWidth();
        int h = image.getHeight();
        return Frame.wrap(w, h, image.getRGB(0, 0, w, h, null, 0, w));
    }
}
