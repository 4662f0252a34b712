package dev.tandem.e2e.screen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.agent.rfb.encoding.Frame;
import dev.tandem.device.DeviceProfile;
import dev.tandem.device.ScreenImage;
import dev.tandem.device.VirtualPhone;
import dev.tandem.server.testing.Api;
import dev.tandem.server.testing.RunningServer;
import dev.tandem.vnc.ListenAddress;
import dev.tandem.vnc.TandemServerUrl;
import dev.tandem.vnc.VncBridge;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A standard, independent VNC client (Debian's {@code vncsnapshot}, TightVNC-based, RFB 3.3) takes
 * a snapshot through {@link VncBridge}: real server, virtual phone running the real agent, real
 * sockets. The picture must be the phone's screen, block by block, within JPEG's tolerance.
 */
class VncSnapshotTest {
    /** Mean per-channel difference allowed per 60x60 block: JPEG (quality 90, and Tight's JPEG) blurs edges. */
    private static final double BLOCK_TOLERANCE = 12;
    private static final int BLOCK = 60;
    private static RunningServer server;
    private static Api tech;
    private final BlockingQueue<String> notices = new LinkedBlockingQueue<>();

    @BeforeAll
    static void start() {
        server = RunningServer.start();
        tech = server.technician("vera");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void vncsnapshotSeesTheRenderedPhoneScreen() throws Exception {
        try (PhoneCustomer customer = PhoneCustomer.join(server.baseUrl(), tech.createCode("vnc snapshot"),
                DeviceProfile.SAMSUNG)) {
            BufferedImage shot = snapshotThroughBridge(customer);
            assertThat(shot.getWidth()).isEqualTo(1080);
            assertThat(shot.getHeight()).isEqualTo(2400);
            assertLooksLike(shot, customer.phone.screen().orElseThrow().capture());
        }
    }

    @Test
    void vncsnapshotSeesAKnownPictureBlockByBlock() throws Exception {
        Path picture = Path.of(System.getProperty("tandem.benchScreens", "../../shared/bench/android-screens"))
                .resolve("catima-01.png");
        assertThat(picture).as("the Android screenshots folder (-Dtandem.benchScreens)").exists();
        VirtualPhone phone = VirtualPhone.create(DeviceProfile.SAMSUNG, ScreenImage.open(picture));
        try (PhoneCustomer customer = PhoneCustomer.join(server.baseUrl(), tech.createCode("vnc picture"), phone)) {
            BufferedImage shot = snapshotThroughBridge(customer);
            BufferedImage expected = ImageIO.read(picture.toFile());
            assertThat(shot.getWidth()).isEqualTo(expected.getWidth());
            assertThat(shot.getHeight()).isEqualTo(expected.getHeight());
            int[] argb = expected.getRGB(0, 0, expected.getWidth(), expected.getHeight(), null, 0, expected.getWidth());
            assertLooksLike(shot, Frame.wrap(expected.getWidth(), expected.getHeight(), argb));
        }
    }

    /** Shares the screen, runs the bridge on a free port and takes one snapshot with vncsnapshot. */
    private BufferedImage snapshotThroughBridge(PhoneCustomer customer) throws Exception {
        String vncsnapshot = vncsnapshot();
        String session = customer.session();
        tech.post("/api/v1/sessions/" + session + "/screen", "{}").expect(202);
        awaitSharing(session);
        Path dir = Files.createTempDirectory("tandem-vnc");
        Path shot = dir.resolve("shot.jpg");
        try (VncBridge bridge = VncBridge.start(ListenAddress.parse("127.0.0.1:0"), TandemServerUrl.parse(server.baseUrl()),
                session, tech.token(), notices::add)) {
            List<String> command = List.of(vncsnapshot, "-quality", "90",
                    "127.0.0.1::" + bridge.address().port(), shot.toString());
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("vncsnapshot.log").toFile()).start();
            boolean done = process.waitFor(60, TimeUnit.SECONDS);
            if (!done) {
                process.destroyForcibly();
            }
            String log = Files.readString(dir.resolve("vncsnapshot.log"), StandardCharsets.UTF_8);
            assertThat(done).as("%s finished within 60 s; its output:%n%s", String.join(" ", command), log).isTrue();
            assertThat(process.exitValue()).as("%s exit code; its output:%n%s; bridge notices: %s",
                    String.join(" ", command), log, notices).isZero();
        }
        assertThat(shot).as("the snapshot").exists();
        BufferedImage image = ImageIO.read(shot.toFile());
        assertThat(image).as("%s decodes as a JPEG", shot).isNotNull();
        return image;
    }

    private static String vncsnapshot() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            File candidate = new File(dir, "vncsnapshot");
            if (candidate.canExecute()) {
                return candidate.getPath();
            }
        }
        throw new AssertionError("vncsnapshot is not installed, and this test needs a real, independent VNC client:"
                + " run 'apt-get install -y vncsnapshot' (.ci/run installs it on a fresh machine).");
    }

    private static void awaitSharing(String session) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String status = "";
        while (System.nanoTime() < deadline) {
            status = tech.get("/api/v1/sessions/" + session + "/screen").expect(200).json().get("status").asText();
            if (status.equals("sharing")) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the screen of " + session + " is '" + status + "', not 'sharing'");
    }

    /** Every 60x60 block's mean colour is within tolerance of the phone's own pixels. */
    private static void assertLooksLike(BufferedImage shot, Frame phone) {
        List<String> off = new ArrayList<>();
        double worst = 0;
        int blocks = 0;
        for (int by = 0; by + BLOCK <= phone.height(); by += BLOCK) {
            for (int bx = 0; bx + BLOCK <= phone.width(); bx += BLOCK) {
                double[] seen = new double[3];
                double[] truth = new double[3];
                for (int y = by; y < by + BLOCK; y++) {
                    for (int x = bx; x < bx + BLOCK; x++) {
                        add(seen, shot.getRGB(x, y));
                        add(truth, phone.pixel(x, y));
                    }
                }
                double diff = 0;
                for (int c = 0; c < 3; c++) {
                    diff = Math.max(diff, Math.abs(seen[c] - truth[c]) / (BLOCK * BLOCK));
                }
                worst = Math.max(worst, diff);
                blocks++;
                if (diff > BLOCK_TOLERANCE) {
                    off.add(String.format("(%d,%d) off by %.1f", bx, by, diff));
                }
            }
        }
        System.out.printf("vncsnapshot vs phone: %d blocks, worst mean difference %.2f%n", blocks, worst);
        assertThat(off).as("blocks whose mean colour differs from the phone's by more than %s", BLOCK_TOLERANCE)
                .isEmpty();
    }

    private static void add(double[] sum, int rgb) {
        sum[0] += (rgb >> 16) & 0xFF;
        sum[1] += (rgb >> 8) & 0xFF;
        sum[2] += rgb & 0xFF;
    }
}
