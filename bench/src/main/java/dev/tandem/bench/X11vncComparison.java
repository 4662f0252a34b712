package dev.tandem.bench;

import dev.tandem.agent.consent.ConsentKind;
import dev.tandem.agent.consent.ConsentLedger;
import dev.tandem.agent.rfb.session.ScreenStream;
import dev.tandem.agent.rfb.session.StreamSettings;
import dev.tandem.agent.screen.PhoneInput;
import dev.tandem.agent.screen.SoftKey;
import dev.tandem.device.screen.StaticScreen;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Lossless full frames against libvncserver, with the same real VNC client: for each screenshot, Debian's
 * {@code vncsnapshot} (TightVNC 1.2.8's client) takes one picture with Tight and no JPEG, once from
 * {@code x11vnc -rawfb} serving the screenshot's pixels and once from the agent's RFB server serving the
 * same picture; a counting proxy in front of each measures the bytes the client received. Needs x11vnc
 * and vncsnapshot on the PATH (Debian packages of those names); not part of the test suite.
 */
@Command(name = "x11vnc", mixinStandardHelpOptions = true,
        description = "Bytes of a lossless full frame (Tight, no JPEG) from the agent's RFB server vs x11vnc "
                + "(libvncserver), both read by vncsnapshot, on the Android screenshots (goal: geometric mean "
                + "<= 0.95x). Needs the Debian packages x11vnc and vncsnapshot.")
public final class X11vncComparison implements Callable<Integer> {
    @Option(names = "--screens", description = "Directory of the screenshots. Default: the system property "
            + "tandem.benchScreens, else ../shared/bench/android-screens")
    Path screens;

    @Option(names = "--compress-level", defaultValue = "6",
            description = "The compression level vncsnapshot asks both servers for (0..9; -1 = vncsnapshot's own "
                    + "default). Default: ${DEFAULT-VALUE}")
    int compressLevel;

    private static final double GOAL = 0.95;
    private static final long CLIENT_SECONDS = 60;
    private static final long QUIET_MILLIS = 3000;
    /** More than the handshake (about 50 bytes): only then can a pause mean the frame is complete. */
    private static final long FRAME_STARTED = 1024;

    @Override
    public Integer call() throws Exception {
        for (String tool : new String[] {"x11vnc", "vncsnapshot"}) {
            if (!onPath(tool)) {
                System.err.println("bench x11vnc needs " + tool + " on the PATH: apt-get install x11vnc vncsnapshot");
                return 2;
            }
        }
        Path dir = screens != null ? screens
                : Path.of(System.getProperty("tandem.benchScreens", "../shared/bench/android-screens"));
        List<Path> pngs;
        try (Stream<Path> files = Files.list(dir)) {
            pngs = files.filter(p -> p.toString().endsWith(".png")).sorted().collect(Collectors.toList());
        }
        System.out.printf("Lossless full frame, vncsnapshot -encodings tight -nojpeg -compresslevel %d, %d screenshots%n%n",
                compressLevel, pngs.size());
        String row = "%-22s %14s %14s %8s%n";
        System.out.printf(row, "screenshot", "x11vnc bytes", "Tandem bytes", "ratio");
        double logSum = 0;
        long x11Total = 0;
        long ourTotal = 0;
        Path work = Files.createTempDirectory("tandem-x11vnc");
        try {
            for (Path png : pngs) {
                BufferedImage image = ImageIO.read(png.toFile());
                long theirs = x11vnc(image, work);
                long ours = tandem(image, work);
                x11Total += theirs;
                ourTotal += ours;
                logSum += Math.log((double) ours / theirs);
                System.out.printf(row, png.getFileName(), theirs, ours, String.format("%.3f", (double) ours / theirs));
            }
        } finally {
            try (Stream<Path> left = Files.walk(work)) {
                left.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
            }
        }
        double geometric = Math.exp(logSum / pngs.size());
        System.out.printf(row, "total", x11Total, ourTotal, String.format("%.3f", (double) ourTotal / x11Total));
        System.out.printf("%nx11vnc: Tandem's lossless full frames are %.3fx the bytes of x11vnc (geometric mean; "
                + "total %.3fx); goal <= %.2fx: %s%n", geometric, (double) ourTotal / x11Total, GOAL,
                geometric <= GOAL ? "met" : "NOT met");
        return 0;
    }

    /** x11vnc serving the picture's pixels from a raw file (32 bpp, little-endian 0x00RRGGBB). */
    private long x11vnc(BufferedImage image, Path work) throws Exception {
        int w = image.getWidth();
        int h = image.getHeight();
        Path raw = work.resolve("screen.raw");
        ByteBuffer pixels = ByteBuffer.allocate(w * h * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int argb : image.getRGB(0, 0, w, h, null, 0, w)) {
            pixels.putInt(argb & 0xFFFFFF);
        }
        Files.write(raw, pixels.array());
        int port = freePort();
        Process server = new ProcessBuilder("x11vnc", "-rawfb", "map:" + raw + "@" + w + "x" + h + "x32:ff0000/ff00/ff",
                "-rfbport", String.valueOf(port), "-localhost", "-nopw", "-forever", "-quiet", "-noipv6",
                "-nocursor", "-norc").redirectErrorStream(true).redirectOutput(work.resolve("x11vnc.log").toFile()).start();
        try {
            awaitListening(port);
            return snapshot(port, work);
        } finally {
            server.destroy();
            server.waitFor(5, TimeUnit.SECONDS);
        }
    }

    /** The agent's RFB server (the same code as on a phone) serving the picture on a loopback socket. */
    private long tandem(BufferedImage image, Path work) throws Exception {
        ConsentLedger consent = new ConsentLedger();
        consent.record(ConsentKind.SCREEN, true);
        StaticScreen screen = StaticScreen.of(image);
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread accepting = new Thread(() -> {
                try {
                    Socket served = listener.accept();
                    ScreenStream.start(served.getInputStream(), served.getOutputStream(), screen, NO_INPUT, consent,
                            StreamSettings.defaults());
                } catch (IOException e) {
                    // The listener closed: the snapshot failed and says why.
                }
            }, "bench-x11vnc-accept");
            accepting.setDaemon(true);
            accepting.start();
            return snapshot(listener.getLocalPort(), work);
        }
    }

    /** vncsnapshot through a counting proxy; the bytes the server sent. */
    private long snapshot(int serverPort, Path work) throws Exception {
        AtomicLong received = new AtomicLong();
        try (ServerSocket proxy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread relay = new Thread(() -> relayOne(proxy, serverPort, received), "bench-x11vnc-proxy");
            relay.setDaemon(true);
            relay.start();
            List<String> command = new java.util.ArrayList<>(List.of("vncsnapshot", "-quiet", "-nocursor", "-nojpeg",
                    "-encodings", "tight"));
            if (compressLevel >= 0) {
                command.addAll(List.of("-compresslevel", String.valueOf(compressLevel)));
            }
            command.addAll(List.of("127.0.0.1::" + proxy.getLocalPort(), work.resolve("snapshot.jpg").toString()));
            Process client = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(work.resolve("vncsnapshot.log").toFile()).start();
            // x11vnc ends its update with LastRect, after which this old client keeps waiting: the frame is
            // complete once the bytes stop for QUIET_MILLIS (both servers send one update and then nothing).
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CLIENT_SECONDS);
            long last = -1;
            long quietSince = System.nanoTime();
            while (!client.waitFor(100, TimeUnit.MILLISECONDS)) {
                long now = received.get();
                if (now != last) {
                    last = now;
                    quietSince = System.nanoTime();
                } else if (now > FRAME_STARTED && System.nanoTime() - quietSince > TimeUnit.MILLISECONDS.toNanos(QUIET_MILLIS)) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    client.destroyForcibly();
                    throw new IllegalStateException("vncsnapshot received nothing for " + CLIENT_SECONDS + " s");
                }
            }
            if (client.isAlive()) {
                client.destroyForcibly();
            } else if (client.exitValue() != 0) {
                throw new IllegalStateException("vncsnapshot failed: " + Files.readString(work.resolve("vncsnapshot.log")));
            }
            relay.join(5000);
            return received.get();
        }
    }

    private static void relayOne(ServerSocket proxy, int serverPort, AtomicLong received) {
        try (Socket client = proxy.accept();
             Socket server = new Socket(InetAddress.getLoopbackAddress(), serverPort)) {
            Thread up = new Thread(() -> pump(client, server, null), "bench-x11vnc-up");
            up.setDaemon(true);
            up.start();
            pump(server, client, received);
        } catch (IOException e) {
            // One side closed: the count so far is the answer.
        }
    }

    private static void pump(Socket from, Socket to, AtomicLong counted) {
        byte[] buffer = new byte[64 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
                if (counted != null) {
                    counted.addAndGet(n);
                }
            }
        } catch (IOException e) {
            // Closed.
        } finally {
            try {
                to.shutdownOutput();
            } catch (IOException e) {
                // Already closed.
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    private static void awaitListening(int port) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
                // A probe that leaves at once: x11vnc (-forever) serves the next client as usual.
                return;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("x11vnc did not listen on port " + port + " within 60 s");
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    private static final PhoneInput NO_INPUT = new PhoneInput() {
        @Override
        public void tap(int x, int y) { }

        @Override
        public void longPress(int x, int y) { }

        @Override
        public void swipe(int fromX, int fromY, int toX, int toY, long durationMillis) { }

        @Override
        public void softKey(SoftKey key) { }

        @Override
        public void type(String text) { }
    };
}
