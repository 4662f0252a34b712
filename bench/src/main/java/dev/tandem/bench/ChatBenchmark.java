package dev.tandem.bench;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Chat round trip technician → phone → technician with many concurrent sessions, and the server's
 * heap per connected idle phone. The technician posts through the REST API and watches the console
 * feed; each phone runs the real agent and echoes. The server runs in its own JVM.
 */
@Command(name = "chat", mixinStandardHelpOptions = true,
        description = "Chat round trip with concurrent sessions (goal p99 <= 50 ms) and heap per idle device (goal <= 64 KB).")
public final class ChatBenchmark implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    BenchTls tls = new BenchTls();

    @Option(names = "--sessions", defaultValue = "200", description = "Concurrent chatting sessions. Default: ${DEFAULT-VALUE}")
    int sessions;

    @Option(names = "--round-trips", defaultValue = "25", description = "Measured round trips per session. Default: ${DEFAULT-VALUE}")
    int roundTrips;

    @Option(names = "--rate", defaultValue = "2", description = "Round trips per second per session (paced, like people typing fast). Default: ${DEFAULT-VALUE}")
    double rate;

    @Option(names = "--idle-devices", defaultValue = "2000", description = "Idle devices for the heap figure. Default: ${DEFAULT-VALUE}")
    int idleDevices;

    @Option(names = "--warmup", defaultValue = "90", paramLabel = "SECONDS",
            description = "Unmeasured chat at the same rate before the measured phase, on a schedule of its own. Default: ${DEFAULT-VALUE}")
    int warmupSeconds;

    private static final double GOAL_P99_MS = 50;
    private static final double GOAL_HEAP_KB = 64;

    @Override
    public Integer call() throws Exception {
        System.out.printf("Tandem chat benchmark on %d cores: %d sessions x %d round trips at %.1f/s each "
                        + "(%.0f/s in all), %d idle devices%n", Runtime.getRuntime().availableProcessors(), sessions,
                roundTrips, rate, rate * sessions, idleDevices);
        try (ServerProcess server = ServerProcess.start("4g", tls)) {
            BenchApi admin = new BenchApi(server.baseUrl()).signIn("admin", BenchServer.ADMIN_PASSWORD);
            admin.call("POST", "/api/v1/users", "{\"username\":\"bench\",\"password\":\"relay-orange-kite-7\"}", 201);
            BenchApi tech = new BenchApi(server.baseUrl()).signIn("bench", "relay-orange-kite-7");

            ChatRun run = roundTrips(server, tech);
            LatencySample latency = run.latency();
            double perDeviceKb = idleHeap(server, tech);

            double p50 = latency.percentileMillis(50);
            double p99 = latency.percentileMillis(99);
            CpuMeter.Reading cpu = run.cpu();
            System.out.println();
            System.out.printf("%-46s %12s %10s%n", "measure", "value", "goal");
            System.out.printf("%-46s %12s %10s%n", "-".repeat(46), "-".repeat(12), "-".repeat(10));
            System.out.printf("%-46s %12d %10s%n", "round trips measured", latency.size(), "");
            System.out.printf("%-46s %9.0f /s %10s%n", "offered round trips", rate * sessions, "");
            // Below the offered rate when the server falls behind: a technician waits for one echo
            // before the next message.
            System.out.printf("%-46s %9.0f /s %10s%n", "achieved round trips (measured phase)",
                    run.sent() / (cpu.elapsed().toNanos() / 1e9), "");
            System.out.printf("%-46s %12d %10s%n", "technician messages acknowledged (201)", run.acknowledged(), "");
            System.out.printf("%-46s %12d %10s%n", "  refused or cut off (not acknowledged)", run.refused(), "");
            System.out.printf("%-46s %12d %10s%n", "  without the phone's echo within 30 s", run.unanswered(), "0");
            System.out.printf("%-46s %12d %10s%n", "messages lost (with the phones' echoes)", run.lost(), "0");
            System.out.printf("%-46s %12d %10s%n", "messages doubled", run.doubled(), "0");
            System.out.printf("%-46s %9.2f ms %10s%n", "chat round trip p50", p50, "");
            System.out.printf("%-46s %9.2f ms %10s%n", "chat round trip p90", latency.percentileMillis(90), "");
            System.out.printf("%-46s %9.2f ms %7.0f ms%n", "chat round trip p99", p99, GOAL_P99_MS);
            System.out.printf("%-46s %9.2f ms %10s%n", "chat round trip max", latency.percentileMillis(100), "");
            System.out.printf("%-46s %9.2f ms %10s%n", "  of which technician's POST until 201, p50", run.posts().percentileMillis(50), "");
            System.out.printf("%-46s %9.2f ms %10s%n", "  of which technician's POST until 201, p99", run.posts().percentileMillis(99), "");
            System.out.printf("%-46s %10.2f s %10s%n", "server CPU per 1,000 round trips",
                    CpuMeter.Reading.secondsPer(cpu.server(), run.sent(), 1000), "");
            System.out.printf("%-46s %10.2f s %10s%n", "  of which the JIT compiler",
                    CpuMeter.Reading.secondsPer(cpu.serverJit(), run.sent(), 1000), "");
            System.out.printf("%-46s %10.2f s %10s%n", "benchmark's own CPU per 1,000 round trips",
                    CpuMeter.Reading.secondsPer(cpu.bench(), run.sent(), 1000), "");
            System.out.printf("%-46s %10.2f s %10s%n", "  of which the JIT compiler",
                    CpuMeter.Reading.secondsPer(cpu.benchJit(), run.sent(), 1000), "");
            System.out.printf("%-46s %12s %10s%n", "load average at start / end of the chat",
                    String.format("%.1f / %.1f", cpu.loadStart(), cpu.loadEnd()), "");
            System.out.printf("%-46s %9.1f KB %7.0f KB%n", "server heap per connected idle device", perDeviceKb, GOAL_HEAP_KB);
            boolean met = p99 <= GOAL_P99_MS && perDeviceKb <= GOAL_HEAP_KB && run.lost() == 0 && run.doubled() == 0;
            System.out.printf("chat: p50 %.1f ms, p99 %.1f ms with %d sessions; %d lost, %d doubled; server CPU %.2f s "
                            + "per 1,000 round trips; %.1f KB heap per idle device; goals %s%n",
                    p50, p99, sessions, run.lost(), run.doubled(),
                    CpuMeter.Reading.secondsPer(cpu.server(), run.sent(), 1000), perDeviceKb, met ? "met" : "NOT met");
            return 0;
        }
    }

    /**
     * What the chat gave: the round trips and the technician's POSTs until 201 (both sampled in the
     * measured phase), the CPU used and the round trips sent in it, and the counts (of the warm-up too)
     * that say whether anything was lost.
     */
    private record ChatRun(LatencySample latency, LatencySample posts, CpuMeter.Reading cpu, long sent,
                           long acknowledged, long refused, long unanswered, long lost, long doubled) {
    }

    private ChatRun roundTrips(ServerProcess server, BenchApi tech) throws Exception {
        List<EchoDevice> devices = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        try (ConsoleFeed feed = ConsoleFeed.open(server.baseUrl(), tech.token())) {
            for (int i = 0; i < sessions; i++) {
                EchoDevice device = EchoDevice.join(server.baseUrl(), tech.createCode(), "Customer " + i);
                devices.add(device);
                ids.add(device.joined().get(10, TimeUnit.SECONDS));
            }
            ChatTraffic traffic = new ChatTraffic(tech, feed, ids, rate);
            // A fresh server JVM spends its first seconds compiling; a server in service has done so
            // long ago. The warm-up chats at the same rate on a schedule of its own and ends when every
            // echo is back, so what the measured phase sees is the server's steady state, not a backlog
            // left over from the compiler's work.
            int warmupRounds = (int) Math.ceil(warmupSeconds * rate);
            if (warmupRounds > 0) {
                System.out.printf("%d phones joined; warming up for about %d s%n", sessions, warmupSeconds);
                traffic.rounds(warmupRounds, 0);
            }
            long sentBefore = traffic.sent();
            // These two lines also tell a profiler attached to the server when the measured phase runs.
            System.out.printf("chatting for about %.0f s%n", roundTrips / rate);
            CpuMeter meter = CpuMeter.start(server.handle());
            LatencySample latency = traffic.rounds(0, roundTrips);
            CpuMeter.Reading cpu = meter.read();
            long measuredSent = traffic.sent() - sentBefore;
            System.out.println("chat over; reading every transcript for lost or doubled messages");
            long[] lostAndDoubled = traffic.lostAndDoubled();
            return new ChatRun(latency, traffic.postLatency(), cpu, measuredSent, traffic.acknowledged(),
                    traffic.refused(), traffic.unanswered(), lostAndDoubled[0], lostAndDoubled[1]);
        } finally {
            devices.forEach(EchoDevice::close);
        }
    }

    private double idleHeap(ServerProcess server, BenchApi tech) throws Exception {
        long before = server.heapAfterGc();
        HttpClient http = HttpClient.newHttpClient();
        List<IdleDevice> idle = new ArrayList<>();
        List<CompletableFuture<IdleDevice>> joining = new ArrayList<>();
        for (int i = 0; i < idleDevices; i++) {
            joining.add(IdleDevice.join(http, server.baseUrl(), tech.createCode()));
            // A technician has at most 8 live codes: let each batch join before creating more.
            if (joining.size() == 8) {
                for (CompletableFuture<IdleDevice> j : joining) {
                    idle.add(j.get(30, TimeUnit.SECONDS));
                }
                joining.clear();
            }
        }
        for (CompletableFuture<IdleDevice> j : joining) {
            idle.add(j.get(30, TimeUnit.SECONDS));
        }
        long after = server.heapAfterGc();
        idle.forEach(IdleDevice::close);
        return (after - before) / 1024.0 / idleDevices;
    }
}
