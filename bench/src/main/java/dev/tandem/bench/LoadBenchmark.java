package dev.tandem.bench;

import dev.tandem.agent.screen.ScreenSize;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * One server under everything at once for {@code --minutes}: thousands of connected phones, hundreds
 * of sessions chatting (paced round trips, {@link ChatTraffic}) and live screens (virtual phones
 * scrolling Settings in this JVM, viewers on {@code /ws/screen}). Afterwards every transcript is read
 * back: nothing acknowledged may be lost or doubled. The server's heap (after full GCs) at the start
 * and the end shows whether anything grows; its open files and threads are read from /proc.
 *
 * <p>With {@code --nodes N} the same load runs through HAProxy over N nodes ({@link NodesDeployment});
 * halfway through, node {@code n2} is killed with SIGKILL: the run reports each node's phones,
 * consoles and viewers before and after, how long until every phone was connected again, and what
 * was lost (goal: nothing acknowledged).
 */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Load and soak: connected phones, chatting sessions and live screens at once for --minutes "
                + "(goals: nothing lost or doubled, chat p99 <= 50 ms, no heap growth).")
public final class LoadBenchmark implements Callable<Integer> {
    @Option(names = "--minutes", defaultValue = "5", description = "How long the load runs. Default: ${DEFAULT-VALUE}")
    double minutes;

    @Option(names = "--phones", defaultValue = "2000", description = "Connected phones in all (chatting and sharing ones included). Default: ${DEFAULT-VALUE}")
    int phones;

    @Option(names = "--chat-sessions", defaultValue = "200", description = "Sessions chatting. Default: ${DEFAULT-VALUE}")
    int chatSessions;

    @Option(names = "--rate", defaultValue = "2", description = "Round trips per second per chatting session. Default: ${DEFAULT-VALUE}")
    double rate;

    @Option(names = "--screens", defaultValue = "20", description = "Live screens (a virtual phone scrolling and a viewer each). Default: ${DEFAULT-VALUE}")
    int screens;

    @Option(names = "--nodes", defaultValue = "1", description = "Nodes behind HAProxy on PostgreSQL and NATS; with 2 or "
            + "more, node n2 is killed halfway. Default: ${DEFAULT-VALUE}")
    int nodeCount;

    @Option(names = "--screen-changes", defaultValue = "2", description = "Scripted changes per second on each shared screen. Default: ${DEFAULT-VALUE}")
    double screenChanges;

    @Option(names = "--screen-height", defaultValue = "1200", paramLabel = "PX",
            description = "Each viewer asks the phone for frames this tall (RFB SetDesktopSize), as the console's "
                    + "'auto' quality does for a picture area of that many device pixels; 0: the phone's own size "
                    + "(1080x2400). Default: ${DEFAULT-VALUE}")
    int screenHeight;

    @Option(names = "--warmup", defaultValue = "90", paramLabel = "SECONDS",
            description = "Unmeasured load at the same rates before the measured phase; the chat runs on a schedule "
                    + "of its own and ends when every echo is back. Default: ${DEFAULT-VALUE}")
    int warmupSeconds;

    private static final double GOAL_P99_MS = 50;
    private static final Duration WINDOW = Duration.ofSeconds(10);

    @Override
    public Integer call() throws Exception {
        int idlePhones = idlePhones();
        Duration length = length();
        System.out.printf("Tandem load benchmark on %d cores for %.1f min: %d phones connected (%d idle), %d sessions "
                        + "chatting at %.1f round trips/s each (%.0f/s in all), %d live screens at %.1f changes/s "
                        + "(%s)%n", Runtime.getRuntime().availableProcessors(), minutes, phones, idlePhones, chatSessions,
                rate, rate * chatSessions, screens, screenChanges,
                screenHeight > 0 ? "frames " + screenHeight + " px tall" : "frames at the phone's own size");
        if (nodeCount > 1) {
            try (NodesDeployment nodes = NodesDeployment.start(nodeCount, "2g")) {
                return run(nodes.proxyUrl(), nodes.nodes().get(0), new NodeKill(nodes, length));
            }
        }
        try (ServerProcess server = ServerProcess.start("4g")) {
            return run(server.baseUrl(), server, null);
        }
    }

    /**
     * The load against {@code baseUrl} (one server, or the proxy in front of the nodes); heap, files and
     * threads are read from {@code server} (with several nodes: n1, which is never killed).
     */
    private int run(String baseUrl, ServerProcess server, NodeKill kill) throws Exception {
        int idlePhones = idlePhones();
        Duration length = length();
        List<AutoCloseable> open = new ArrayList<>();
        try {
            BenchApi admin = new BenchApi(baseUrl).signIn("admin", BenchServer.ADMIN_PASSWORD);
            admin.call("POST", "/api/v1/users", "{\"username\":\"bench\",\"password\":\"relay-orange-kite-7\"}", 201);
            BenchApi tech = new BenchApi(baseUrl).signIn("bench", "relay-orange-kite-7");

            List<IdleDevice> idle = joinIdle(baseUrl, tech, idlePhones);
            List<ScreenLoad> screenLoads = new ArrayList<>();
            for (int i = 0; i < screens; i++) {
                ScreenLoad screen = ScreenLoad.start(baseUrl, tech, screenChanges, kill != null, screenHeight);
                screenLoads.add(screen);
                open.add(screen);
            }
            List<String> ids = new ArrayList<>();
            // With several nodes the technician's feed stays on n1, which the run never kills.
            try (ConsoleFeed feed = ConsoleFeed.open(server.baseUrl(), tech.token())) {
                for (int i = 0; i < chatSessions; i++) {
                    EchoDevice device = EchoDevice.join(baseUrl, tech.createCode(), "Customer " + i);
                    open.add(device);
                    ids.add(device.joined().get(30, TimeUnit.SECONDS));
                }
                ChatTraffic chat = new ChatTraffic(tech, feed, ids, rate);
                // A fresh server JVM compiles for a minute or more under this load; a server in service
                // has done so long ago. The warm-up runs everything (screens too) at the same rates, and
                // its chat ends when every echo is back, so that the measured phase starts with no
                // backlog and its CPU and latency are the steady state's.
                int warmupRounds = (int) Math.ceil(warmupSeconds * rate);
                if (warmupRounds > 0) {
                    System.out.printf("%d phones connected; warming up for about %d s%n", phones, warmupSeconds);
                    chat.rounds(warmupRounds, 0);
                }
                long heapStart = server.heapAfterGc();
                long filesStart = server.openFiles();
                screenLoads.forEach(ScreenLoad::resetCounts);
                if (kill != null) {
                    kill.before(admin);
                    kill.armHalfway(admin, Duration.ZERO, idlePhones + chatSessions + screens);
                }
                long sentBefore = chat.sent();
                // These two lines also tell a profiler attached to either process when the measured phase runs.
                System.out.printf("measuring for %.0f s%n", length.toMillis() / 1000.0);
                CpuMeter meter = CpuMeter.start(server.handle());
                LatencySample latency = chat.runFor(Duration.ZERO, length);
                CpuMeter.Reading cpu = meter.read();
                long measuredSent = chat.sent() - sentBefore;
                System.out.println("measured phase over; reading every transcript for lost or doubled messages");
                double seconds = cpu.elapsed().toNanos() / 1e9;
                long updates = screenLoads.stream().mapToLong(ScreenLoad::updates).sum();
                long screenBytes = screenLoads.stream().mapToLong(ScreenLoad::bytes).sum();
                long openFiles = server.openFiles();
                long threads = server.threads();
                screenLoads.forEach(ScreenLoad::stop);
                long[] lostAndDoubled = chat.lostAndDoubled();
                long heapEnd = server.heapAfterGc();
                print(seconds, chat, latency, lostAndDoubled, updates, screenBytes, heapStart, heapEnd, filesStart,
                        openFiles, threads, idle.size());
                printCpu(cpu, measuredSent);
                printWindows(chat.byWindow(WINDOW));
                if (kill != null) {
                    kill.report(admin);
                    printScreensPerNode(screenLoads, seconds);
                }
            } finally {
                idle.forEach(IdleDevice::close);
            }
            return 0;
        } finally {
            for (AutoCloseable c : open) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // the run is over
                }
            }
        }
    }

    private int idlePhones() {
        return Math.max(0, phones - chatSessions - screens);
    }

    private Duration length() {
        return Duration.ofMillis((long) (minutes * 60_000));
    }

    private static List<IdleDevice> joinIdle(String baseUrl, BenchApi tech, int count) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        List<IdleDevice> idle = new ArrayList<>();
        List<CompletableFuture<IdleDevice>> joining = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            joining.add(IdleDevice.join(http, baseUrl, tech.createCode()));
            // A technician has at most 8 live codes: let each batch join before creating more.
            if (joining.size() == 8 || i == count - 1) {
                for (CompletableFuture<IdleDevice> j : joining) {
                    idle.add(j.get(30, TimeUnit.SECONDS));
                }
                joining.clear();
            }
        }
        return idle;
    }

    private void print(double seconds, ChatTraffic chat, LatencySample latency, long[] lostAndDoubled, long updates,
                       long screenBytes, long heapStart, long heapEnd, long filesStart, long openFiles, long threads,
                       int idle) {
        double p50 = latency.percentileMillis(50);
        double p99 = latency.percentileMillis(99);
        String row = "%-46s %12s %10s%n";
        System.out.println();
        System.out.printf(row, "measure", "value", "goal");
        System.out.printf(row, "-".repeat(46), "-".repeat(12), "-".repeat(10));
        System.out.printf(row, "measured run (after " + warmupSeconds + " s warm-up)", String.format("%.0f s", seconds), "");
        System.out.printf(row, "phones connected (idle / chatting / sharing)", idle + " / " + chatSessions + " / " + screens, "");
        System.out.printf(row, "messages sent (technician)", chat.sent(), "");
        System.out.printf(row, "messages acknowledged (201)", chat.acknowledged(), "");
        System.out.printf(row, "messages refused (503 or cut off, not promised)", chat.refused(), "");
        System.out.printf(row, "messages lost (with the phones' echoes)", lostAndDoubled[0], "0");
        System.out.printf(row, "messages doubled", lostAndDoubled[1], "0");
        System.out.printf(row, "round trips without an echo in 30 s", chat.unanswered(), "");
        System.out.printf("%-46s %9.0f /s %10s%n", "chat round trips", latency.size() / seconds, "");
        System.out.printf("%-46s %9.2f ms %10s%n", "chat round trip p50", p50, "");
        System.out.printf("%-46s %9.2f ms %7.0f ms%n", "chat round trip p99", p99, GOAL_P99_MS);
        System.out.printf("%-46s %9.2f ms %10s%n", "chat round trip max", latency.percentileMillis(100), "");
        System.out.printf("%-46s %9.1f /s %10s%n", "screen updates per viewer", screens == 0 ? 0 : updates / seconds / screens, "");
        System.out.printf("%-46s %6.2f Mbit/s %10s%n", "screen bytes per viewer", screens == 0 ? 0
                : screenBytes * 8 / seconds / 1e6 / screens, "");
        System.out.printf("%-46s %9.1f MB %10s%n", "server heap after GC, start", heapStart / 1e6, "");
        System.out.printf("%-46s %9.1f MB %10s%n", "server heap after GC, end", heapEnd / 1e6, "");
        System.out.printf(row, "server open files, start / end", filesStart + " / " + openFiles, "");
        System.out.printf(row, "server threads", threads, "");
        boolean met = lostAndDoubled[0] == 0 && lostAndDoubled[1] == 0 && p99 <= GOAL_P99_MS;
        System.out.printf("load: %.1f min, %d phones, %d acknowledged, %d lost, %d doubled; chat p50 %.1f ms, p99 %.1f ms; "
                        + "%.1f screen updates/s per viewer; heap %.0f -> %.0f MB; goals %s%n", seconds / 60, phones,
                chat.acknowledged(), lostAndDoubled[0], lostAndDoubled[1], p50, p99,
                screens == 0 ? 0 : updates / seconds / screens, heapStart / 1e6, heapEnd / 1e6, met ? "met" : "NOT met");
    }

    /** The measured phase's CPU per 1,000 chat round trips (the server's includes its screens and idle phones). */
    private static void printCpu(CpuMeter.Reading cpu, long sent) {
        System.out.printf("%-46s %10.2f s %10s%n", "server CPU per 1,000 round trips (all its load)",
                CpuMeter.Reading.secondsPer(cpu.server(), sent, 1000), "");
        System.out.printf("%-46s %10.2f s %10s%n", "  of which the JIT compiler",
                CpuMeter.Reading.secondsPer(cpu.serverJit(), sent, 1000), "");
        System.out.printf("%-46s %10.2f s %10s%n", "benchmark's own CPU per 1,000 round trips",
                CpuMeter.Reading.secondsPer(cpu.bench(), sent, 1000), "");
        System.out.printf("%-46s %10.2f s %10s%n", "  of which the JIT compiler",
                CpuMeter.Reading.secondsPer(cpu.benchJit(), sent, 1000), "");
        double seconds = cpu.elapsed().toNanos() / 1e9;
        System.out.printf("%-46s %12s %10s%n", "CPU cores busy: server / benchmark", String.format("%.2f / %.2f",
                cpu.server().toNanos() / 1e9 / seconds, cpu.bench().toNanos() / 1e9 / seconds), "");
        System.out.printf("%-46s %12s %10s%n", "load average at start / end of the measured phase",
                String.format("%.1f / %.1f", cpu.loadStart(), cpu.loadEnd()), "");
    }

    /** The chat's p99 and max per {@link #WINDOW} of the measured phase, so that a bad moment shows as one. */
    private static void printWindows(List<LatencySample> windows) {
        StringBuilder p99 = new StringBuilder();
        StringBuilder max = new StringBuilder();
        for (LatencySample w : windows) {
            p99.append(String.format(" %.0f", w.percentileMillis(99)));
            max.append(String.format(" %.0f", w.percentileMillis(100)));
        }
        System.out.printf("chat p99 per %d s (ms):%s%n", WINDOW.toSeconds(), p99);
        System.out.printf("chat max per %d s (ms):%s%n", WINDOW.toSeconds(), max);
    }

    /** With several nodes: screen updates per second per viewer, by the node that held the phone at the start. */
    private static void printScreensPerNode(List<ScreenLoad> screens, double seconds) {
        java.util.Map<String, List<ScreenLoad>> byNode = new java.util.TreeMap<>();
        screens.forEach(s -> byNode.computeIfAbsent(String.valueOf(s.owner), n -> new ArrayList<>()).add(s));
        byNode.forEach((node, loads) -> System.out.printf("%-46s %9.1f /s %10s%n", "screen updates per viewer, phones on "
                + node + " (" + loads.size() + ")", loads.stream().mapToLong(ScreenLoad::updates).sum() / seconds
                / loads.size(), ""));
    }

    /** One live screen: a virtual phone sharing, a viewer on /ws/screen, and a script scrolling Settings. */
    static final class ScreenLoad implements AutoCloseable {
        private final SharingPhone phone;
        private final ViewerWebSocket socket;
        private final UpdateFeed feed;
        private final Thread driver;
        private final Thread counter;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicLong updates = new AtomicLong();
        private final AtomicLong bytes = new AtomicLong();
        /** The node that held the phone when the viewer opened (several nodes), or null. */
        String owner;

        private ScreenLoad(SharingPhone phone, ViewerWebSocket socket, UpdateFeed feed, RfbViewer viewer, double rate) {
            this.phone = phone;
            this.socket = socket;
            this.feed = feed;
            long interval = (long) (1e9 / rate);
            SettingsScript script = new SettingsScript(viewer, 300);
            this.driver = new Thread(() -> {
                long due = System.nanoTime();
                while (running.get()) {
                    try {
                        script.next();
                        due += interval;
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            TimeUnit.NANOSECONDS.sleep(wait);
                        }
                    } catch (Exception e) {
                        return;
                    }
                }
            }, "bench-screen-script");
            this.counter = new Thread(() -> {
                while (running.get()) {
                    try {
                        UpdateFeed.Arrival arrival = feed.next(500);
                        if (arrival != null) {
                            updates.incrementAndGet();
                            bytes.addAndGet(arrival.update().wireBytes());
                        }
                    } catch (Exception e) {
                        return;
                    }
                }
            }, "bench-screen-count");
        }

        /**
         * With {@code nodes}, the viewer names the node that holds the phone, as the console does. With a
         * {@code height} below the phone's, the viewer asks for frames that tall (the phone draws them at
         * that size), as the console's Viewer asks for the size of its picture area.
         */
        static ScreenLoad start(String baseUrl, BenchApi tech, double rate, boolean nodes, int height) throws Exception {
            SharingPhone phone = SharingPhone.joinAndShare(baseUrl, tech);
            String owner = nodes ? tech.call("GET", "/api/v1/sessions/" + phone.session(), null, 200)
                    .path("ownerNode").asText(null) : null;
            ViewerWebSocket socket = ViewerWebSocket.open(baseUrl, phone.session(), tech.token(), owner);
            int[] encodings = java.util.stream.IntStream.concat(java.util.Arrays.stream(RfbViewer.NOVNC_ENCODINGS),
                    java.util.stream.IntStream.of(RfbViewer.EXTENDED_DESKTOP_SIZE)).toArray();
            RfbViewer viewer = socket.viewer().handshake(encodings);
            UpdateFeed feed = UpdateFeed.start(viewer, true);
            ScreenSize own = phone.phone().screen().orElseThrow().geometry().phone();
            int wanted = height > 0 && height < own.height() ? height : own.height();
            if (wanted < own.height()) {
                viewer.askSize((int) Math.round((double) own.width() * wanted / own.height()), wanted, own);
            }
            firstPicture(viewer, feed, wanted);
            viewer.tap(PhoneSpots.SETTINGS_ICON_X, PhoneSpots.SETTINGS_ICON_Y);
            ScreenLoad load = new ScreenLoad(phone, socket, feed, viewer, rate);
            load.owner = owner;
            load.driver.setDaemon(true);
            load.counter.setDaemon(true);
            load.driver.start();
            load.counter.start();
            return load;
        }

        /** Asks for everything until an update with pixels {@code height} tall has come. */
        private static void firstPicture(RfbViewer viewer, UpdateFeed feed, int height) throws Exception {
            for (int tries = 0; tries < 10; tries++) {
                viewer.requestUpdate(false);
                UpdateFeed.Arrival first = feed.next(20_000);
                if (first == null) {
                    throw new IllegalStateException("A shared screen sent no first update within 20 s");
                }
                if (first.update().rects() > first.update().desktopSize() && viewer.height() == height) {
                    feed.drain();
                    return;
                }
            }
            throw new IllegalStateException("A shared screen did not send frames " + height + " px tall; it is at "
                    + viewer.width() + "x" + viewer.height());
        }

        void resetCounts() {
            updates.set(0);
            bytes.set(0);
        }

        long updates() { return updates.get(); }

        long bytes() { return bytes.get(); }

        void stop() {
            running.set(false);
        }

        @Override
        public void close() throws Exception {
            stop();
            feed.close();
            socket.close();
            phone.close();
        }
    }
}
