package dev.tandem.android.bench;

import dev.tandem.agent.rfb.encoding.ByteSink;
import dev.tandem.agent.rfb.encoding.Encoder;
import dev.tandem.agent.rfb.encoding.Frame;
import dev.tandem.agent.rfb.encoding.PixelFormat;
import dev.tandem.agent.rfb.encoding.Rect;
import dev.tandem.agent.rfb.encoding.TightEncoder;
import dev.tandem.agent.rfb.encoding.ZrleEncoder;
import dev.tandem.android.screen.RgbaPixels;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * What one captured 1080x2400 frame costs on its way to a viewer, with the app's adapter: the
 * ImageReader's RGBA plane (padded rows, as phones deliver it) through {@link RgbaPixels} into a
 * {@link Frame}, then a first full update with ZRLE and lossless Tight. JVM timing; a phone's CPU is
 * slower. Run: {@code java -cp <test classpath> dev.tandem.android.bench.FrameToRfbBenchmark [screens-dir]}.
 */
public final class FrameToRfbBenchmark {
    private static final int WIDTH = 1080;
    private static final int HEIGHT = 2400;
    private static final int ROW_STRIDE = WIDTH * 4 + 64;

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : System.getProperty("tandem.benchScreens", "../../shared/bench/android-screens"));
        List<Path> pngs;
        try (Stream<Path> files = Files.list(dir)) {
            pngs = files.filter(p -> p.toString().endsWith(".png")).sorted().collect(Collectors.toList());
        }
        System.out.printf("%-28s %12s %14s %14s %14s%n", "screenshot (to 1080x2400)", "RGBA->Frame", "ZRLE ms / KB", "Tight ms / KB", "total ms");
        double sumTotal = 0;
        for (Path png : pngs) {
            ByteBuffer plane = plane(ImageIO.read(png.toFile()));
            double convert = median(() -> RgbaPixels.toArgb(plane, WIDTH, HEIGHT, 4, ROW_STRIDE));
            Frame frame = Frame.wrap(WIDTH, HEIGHT, RgbaPixels.toArgb(plane, WIDTH, HEIGHT, 4, ROW_STRIDE));
            long[] zrleBytes = new long[1];
            long[] tightBytes = new long[1];
            double zrle = median(() -> zrleBytes[0] = encode(ZrleEncoder.create(1), frame));
            double tight = median(() -> tightBytes[0] = encode(TightEncoder.create(1), frame));
            double total = convert + Math.min(zrle, tight);
            sumTotal += total;
            System.out.printf("%-28s %9.1f ms %7.1f / %4d %7.1f / %4d %11.1f%n", png.getFileName(), convert, zrle,
                    zrleBytes[0] / 1024, tight, tightBytes[0] / 1024, total);
        }
        System.out.printf("frame->RFB: %d screenshots, mean %.1f ms per captured frame (conversion + the faster lossless encoder)%n",
                pngs.size(), sumTotal / pngs.size());
    }

    private static ByteBuffer plane(BufferedImage image) {
        ByteBuffer plane = ByteBuffer.allocateDirect(ROW_STRIDE * HEIGHT);
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int rgb = image.getRGB(x * image.getWidth() / WIDTH, y * image.getHeight() / HEIGHT);
                int at = y * ROW_STRIDE + x * 4;
                plane.put(at, (byte) (rgb >> 16)).put(at + 1, (byte) (rgb >> 8)).put(at + 2, (byte) rgb).put(at + 3, (byte) 0xFF);
            }
        }
        return plane;
    }

    private static long encode(Encoder encoder, Frame frame) {
        ByteSink out = ByteSink.create();
        for (Rect r : encoder.split(frame, frame.bounds())) {
            encoder.encode(frame, r, PixelFormat.NATURAL, out);
        }
        encoder.close();
        return out.size();
    }

    private static double median(Runnable work) {
        for (int i = 0; i < 2; i++) {
            work.run();
        }
        double[] ms = new double[5];
        for (int i = 0; i < ms.length; i++) {
            long start = System.nanoTime();
            work.run();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return ms[ms.length / 2];
    }
}
