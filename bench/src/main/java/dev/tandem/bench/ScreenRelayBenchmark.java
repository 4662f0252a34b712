package dev.tandem.bench;

import dev.tandem.agent.consent.ConsentKind;
import dev.tandem.agent.consent.ConsentLedger;
import dev.tandem.agent.rfb.session.ScreenStream;
import dev.tandem.agent.screen.ScreenSource;
import dev.tandem.device.VirtualPhone;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.Callable;
import java.util.function.DoubleSupplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The server's relay throughput against a direct loopback TCP connection to the same RFB server, in
 * the same run. A viewer that asks for Raw only requests full, non-incremental updates of the phone's
 * 1080x2400 screen back to back (each about 10 MB at 32 bpp; the next request goes when the previous
 * update has been read to its end, as real viewers do) and times them:
 *
 * <ul>
 *   <li><b>through the server</b>: the phone's agent in this JVM sends the RFB bytes in 64 KiB binary
 *       frames over its agent socket to the server (its own JVM), which relays them to the viewer socket,
 *       read as a browser reads it ({@link StreamingViewerSocket});
 *   <li><b>direct</b>: the agent's {@link ScreenStream} on a loopback {@link ServerSocket} in this JVM,
 *       serving the same phone's screen, read by the same viewer loop.
 * </ul>
 *
 * Both paths include the phone's cost of packing every pixel (Raw encoding) and the viewer's reading;
 * the difference is the WebSocket framing and the two extra hops through the server. Goal: through the
 * server at least 0.5x the direct rate. Next to the rates it prints CPU seconds per GB of the server
 * and of this JVM (phone and viewer), which move far less than the rates when other work shares the
 * machine.
 */
@Command(name = "relay", mixinStandardHelpOptions = true,
        description = "Relay throughput of full Raw screen updates through the server against a direct loopback "
                + "TCP copy of the same RFB stream (goal: >= 0.5x direct).")
public final class ScreenRelayBenchmark implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    BenchTls tls = new BenchTls();

    @Option(names = "--updates", defaultValue = "20", description = "Measured full updates per path and round. Default: ${DEFAULT-VALUE}")
    int updates;

    @Option(names = "--rounds", defaultValue = "2", description = "Rounds, each measuring both paths in turn. Default: ${DEFAULT-VALUE}")
    int rounds;

    @Option(names = "--warmup", defaultValue = "50", description = "Full updates per path before the first round, not "
            + "measured: the server is a fresh JVM, and until its relay code is compiled it measured mostly the "
            + "interpreter and the JIT compiler. Default: ${DEFAULT-VALUE}")
    int warmup;

    @Option(names = "--record", description = "Record the session (issue 18.6: the portal records, the storage limit is "
            + "4 GiB) to see what recording costs the relay; prints what the recording kept.")
    boolean record;

    /** Updates each new viewer connection reads before its measured ones. */
    private static final int WARMUP = 3;
    private static final double GOAL_RATIO = 0.5;

    /**
     * Bytes of FramebufferUpdates read, the time they took, and the CPU seconds the server and this JVM
     * (the phone's agent and the viewer) used meanwhile.
     */
    private record Throughput(long bytes, long nanos, double serverCpu, double benchCpu) {
        double megabytesPerSecond() { return bytes / 1e6 / (nanos / 1e9); }

        double serverCpuPerGigabyte() { return serverCpu / (bytes / 1e9); }

        double benchCpuPerGigabyte() { return benchCpu / (bytes / 1e9); }

        Throughput plus(Throughput other) {
            return new Throughput(bytes + other.bytes, nanos + other.nanos, serverCpu + other.serverCpu,
                    benchCpu + other.benchCpu);
        }
    }

    @Override
    public Integer call() throws Exception {
        System.out.printf("Tandem screen relay benchmark on %d cores: full Raw updates of a 1080x2400 phone screen, "
                        + "%d per path and round after %d warm-up (and %d per path before the first round), %d rounds; "
                        + "MB = 10^6 bytes; CPU s per GB = CPU seconds of the process while 10^9 bytes went through%n",
                Runtime.getRuntime().availableProcessors(), updates, WARMUP, warmup, rounds);
        try (ServerProcess server = ServerProcess.start("1g", tls)) {
            BenchApi admin = new BenchApi(server.baseUrl()).signIn("admin", BenchServer.ADMIN_PASSWORD);
            admin.call("POST", "/api/v1/users", "{\"username\":\"bench\",\"password\":\"relay-orange-kite-7\"}", 201);
            BenchApi tech = new BenchApi(server.baseUrl()).signIn("bench", "relay-orange-kite-7");
            if (record) {
                admin.call("PUT", "/api/v1/portals/default", "{\"recordSessions\":true}", 200);
                admin.call("PUT", "/api/v1/settings", "{\"recordings\":{\"limitMegabytes\":4096}}", 200);
            }
            try (SharingPhone phone = SharingPhone.joinAndShare(server.baseUrl(), tech)) {
                String row = "%-34s %14s %14s %10s%n";
                System.out.println();
                System.out.printf(row, "round", "through server", "direct TCP", "ratio");
                System.out.printf(row, "-".repeat(34), "-".repeat(14), "-".repeat(14), "-".repeat(10));
                warmUp(server, phone, tech);
                Throughput relayed = new Throughput(0, 0, 0, 0);
                Throughput direct = new Throughput(0, 0, 0, 0);
                for (int round = 1; round <= rounds; round++) {
                    Throughput r;
                    try (RfbViewer viewer = StreamingViewerSocket.open(server.baseUrl(), phone.session(), tech.token())
                            .viewer()) {
                        r = fullUpdates(viewer, updates, server::cpuSeconds);
                    }
                    Throughput d = direct(phone.phone(), updates);
                    relayed = relayed.plus(r);
                    direct = direct.plus(d);
                    System.out.printf(row, "round " + round + " (MB/s)", mbs(r), mbs(d),
                            String.format("%.2fx", r.megabytesPerSecond() / d.megabytesPerSecond()));
                }
                double ratio = relayed.megabytesPerSecond() / direct.megabytesPerSecond();
                System.out.printf(row, "all rounds (MB/s)", mbs(relayed), mbs(direct), String.format("%.2fx", ratio));
                System.out.printf(row, "bytes per full update (KB)", String.format("%.0f", relayed.bytes() / 1e3
                        / (updates * rounds)), String.format("%.0f", direct.bytes() / 1e3 / (updates * rounds)), "");
                System.out.printf(row, "server CPU s per GB", String.format("%.2f", relayed.serverCpuPerGigabyte()),
                        String.format("%.2f", direct.serverCpuPerGigabyte()), "");
                System.out.printf(row, "phone + viewer CPU s per GB", String.format("%.2f",
                        relayed.benchCpuPerGigabyte()), String.format("%.2f", direct.benchCpuPerGigabyte()), "");
                System.out.printf(row, "goal", "", "", String.format(">= %.2fx", GOAL_RATIO));
                System.out.printf("relay: %.0f MB/s through the server, %.0f MB/s direct over loopback TCP, ratio %.2fx;"
                                + " goal %s%n", relayed.megabytesPerSecond(), direct.megabytesPerSecond(), ratio,
                        ratio >= GOAL_RATIO ? "met" : "NOT met");
                if (record) {
                    System.out.printf("recording: the Viewer's state %s; the recording so far %s%n",
                            admin.call("GET", "/api/v1/sessions/" + phone.session() + "/screen", null, 200).path("recording")
                                    .asText(), admin.call("GET", "/api/v1/sessions/" + phone.session() + "/recording", null, 200));
                }
            }
            return 0;
        }
    }

    /** Both paths once, unmeasured, {@link #warmup} updates each, so that the rounds measure compiled code. */
    private void warmUp(ServerProcess server, SharingPhone phone, BenchApi tech) throws Exception {
        try (RfbViewer viewer = StreamingViewerSocket.open(server.baseUrl(), phone.session(), tech.token()).viewer()) {
            fullUpdates(viewer, warmup, server::cpuSeconds);
        }
        direct(phone.phone(), warmup);
    }

    /** The same phone screen served by the agent's RFB server on a loopback socket, no Tandem server between. */
    private Throughput direct(VirtualPhone phone, int count) throws Exception {
        ScreenSource screen = phone.screen().orElseThrow();
        ConsentLedger consent = new ConsentLedger();
        consent.record(ConsentKind.SCREEN, true);
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket client = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort())) {
            client.setTcpNoDelay(true);
            Socket served = listener.accept();
            served.setTcpNoDelay(true);
            try (ScreenStream stream = ScreenStream.start(served.getInputStream(), served.getOutputStream(), screen,
                    phone.ui(), consent, dev.tandem.agent.rfb.session.StreamSettings.defaults());
                 RfbViewer viewer = RfbViewer.over(client.getInputStream(), client.getOutputStream(), client)) {
                return fullUpdates(viewer, count, () -> 0);
            }
        }
    }

    /**
     * Raw only; warm-up, then {@code count} full updates, each requested once the previous one is read.
     * {@code serverCpu} reads the server's CPU seconds (0 where no server is involved).
     */
    private Throughput fullUpdates(RfbViewer viewer, int count, DoubleSupplier serverCpu) throws IOException {
        viewer.handshake(RfbViewer.RAW);
        for (int i = 0; i < WARMUP; i++) {
            viewer.requestUpdate(false);
            viewer.readUpdate(() -> { });
        }
        long bytes = 0;
        double serverBefore = serverCpu.getAsDouble();
        double benchBefore = CpuMeter.secondsSoFar(ProcessHandle.current());
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            viewer.requestUpdate(false);
            bytes += viewer.readUpdate(() -> { }).wireBytes();
        }
        long nanos = System.nanoTime() - start;
        return new Throughput(bytes, nanos, serverCpu.getAsDouble() - serverBefore,
                CpuMeter.secondsSoFar(ProcessHandle.current()) - benchBefore);
    }

    private static String mbs(Throughput t) {
        return String.format("%.1f", t.megabytesPerSecond());
    }
}
