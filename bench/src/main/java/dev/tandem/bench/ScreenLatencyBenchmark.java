package dev.tandem.bench;

import dev.tandem.agent.screen.ScreenSize;
import dev.tandem.device.screen.PhoneApp;
import dev.tandem.device.screen.PhoneState;
import dev.tandem.device.screen.PhoneUi;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Screen sharing as the technician feels it, on loopback: the real server in its own JVM, one virtual
 * Samsung phone running the real agent in this JVM (screen and control allowed), and one RFB viewer
 * on the server's viewer socket asking for what the console's noVNC asks (Tight with JPEG quality 6,
 * CopyRect, DesktopSize), or with {@code --encoding} Tight lossless or ZRLE.
 *
 * <p>(a) Input-to-pixel latency: with an incremental request outstanding and the screen quiet, the
 * viewer sends one input that changes the phone (tap a Settings switch, swipe the shade open from the
 * top edge, Back to close it) and times until the first byte of the next FramebufferUpdate. It covers
 * the relay both ways, the agent's poll (every 33 ms), drawing the phone's screen, the diff and the
 * encoding. Goals (issue 17): p50 <= 25 ms, p95 <= 50 ms.
 *
 * <p>(b) A scripted stretch of scrolling and tapping in Settings at 30 changes/s while the viewer keeps
 * an incremental request outstanding: average bandwidth at the viewer (goal <= 2 Mbit/s), updates/s
 * and bytes per update.
 *
 * <p>Both parts print the CPU time spent per input or update by this JVM (the phone drawing, diffing and
 * encoding, and the viewer reading; its JIT compiler's threads aside) and by the server: a change that
 * lowers latency by using more cores shows here, and a real phone's battery pays for that CPU.
 */
@Command(name = "latency", mixinStandardHelpOptions = true,
        description = "Screen sharing through the server: input-to-pixel latency (goals p50 <= 25 ms, p95 <= 50 ms) "
                + "and bandwidth of scripted scrolling and tapping at 30 changes/s (goal <= 2 Mbit/s; <= 1 with "
                + "--max-height 1200).")
public final class ScreenLatencyBenchmark implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    BenchTls tls = new BenchTls();

    @Option(names = "--samples", defaultValue = "300", description = "Measured inputs for the latency. Default: ${DEFAULT-VALUE}")
    int samples;

    @Option(names = "--seconds", defaultValue = "60", description = "Length of the scripted scrolling and tapping. Default: ${DEFAULT-VALUE}")
    int seconds;

    @Option(names = "--rate", defaultValue = "30", description = "Scripted changes per second. Default: ${DEFAULT-VALUE}")
    double rate;

    @Option(names = "--scroll-step", defaultValue = "300", description = "Pixels each scripted scroll moves the Settings list. Default: ${DEFAULT-VALUE}")
    int scrollStep;

    @Option(names = "--encoding", defaultValue = "tight", converter = ViewerEncodingChoice.Converter.class,
            description = "What the viewer asks for: tight (noVNC's defaults: Tight + JPEG quality 6), tight-lossless "
                    + "or zrle. Default: ${DEFAULT-VALUE}")
    ViewerEncodingChoice encoding;

    @Option(names = "--max-height", defaultValue = "0",
            description = "The viewer asks for frames at most this tall (SetDesktopSize, as the console's Viewer does "
                    + "for its window), the phone's picture scaled to fit; 0 = the phone's own size. Goal at 1200: "
                    + "<= 1 Mbit/s. Default: ${DEFAULT-VALUE}")
    int maxHeight;

    @Option(names = "--requests-only", description = "The viewer does not offer ContinuousUpdates and Fence (as "
            + "noVNC 1.7 and TigerVNC do): every update waits for its request, as before continuous updates.")
    boolean requestsOnly;

    private static final int WARMUP = 30;
    /** Longer than the agent's 33 ms poll: a screen quiet this long has nothing left to send. */
    private static final long QUIET_MILLIS = 80;
    private static final double GOAL_P50_MS = 25;
    private static final double GOAL_P95_MS = 50;
    private static final double GOAL_MBITS = 2;
    private static final double GOAL_MBITS_SCALED = 1;

    @Override
    public Integer call() throws Exception {
        System.out.printf("Tandem screen latency benchmark on %d cores: server in its own JVM, virtual samsung phone "
                        + "in this one, viewer on /ws/screen asking %s; %d inputs, then %d s "
                        + "of scripted Settings at %.0f changes/s; %s%n", Runtime.getRuntime().availableProcessors(),
                encoding.description(), samples, seconds, rate,
                (maxHeight > 0 ? "frames at most " + maxHeight + " px tall" : "frames at the phone's own size")
                        + (requestsOnly ? ", one update per request" : ", continuous updates with fences"));
        try (ServerProcess server = ServerProcess.start("1g", tls)) {
            BenchApi admin = new BenchApi(server.baseUrl()).signIn("admin", BenchServer.ADMIN_PASSWORD);
            admin.call("POST", "/api/v1/users", "{\"username\":\"bench\",\"password\":\"relay-orange-kite-7\"}", 201);
            BenchApi tech = new BenchApi(server.baseUrl()).signIn("bench", "relay-orange-kite-7");
            try (SharingPhone phone = SharingPhone.joinAndShare(server.baseUrl(), tech)) {
                InputLatency latency = inputLatency(server, tech, phone);
                ScriptedStretch stretch = scriptedStretch(server, tech, phone);
                print(latency, stretch);
            }
            return 0;
        }
    }

    /** The latencies of one run, overall and by kind of input. */
    private record InputLatency(LatencySample all, LatencySample taps, LatencySample shade, LatencySample back,
                                int missed, int stray, CpuMeter.Reading cpu) {
    }

    /** What the viewer received during the scripted stretch. */
    private record ScriptedStretch(double seconds, long changes, long updates, long bytes, long largest,
                                   double peakMbits, long scrollUpdates, long scrollBytes, long jpegRects,
                                   CpuMeter.Reading cpu) {
        double mbits() { return bytes * 8 / seconds / 1e6; }
    }

    private InputLatency inputLatency(ServerProcess server, BenchApi tech, SharingPhone phone) throws Exception {
        PhoneUi ui = phone.phone().ui();
        try (RfbViewer viewer = ViewerWebSocket.open(server.baseUrl(), phone.session(), tech.token()).viewer()
                .handshake(viewerEncodings()); UpdateFeed feed = UpdateFeed.start(viewer, false)) {
            firstPicture(viewer, feed, phone);
            viewer.requestUpdate(true);
            viewer.tap(PhoneSpots.SETTINGS_ICON_X, PhoneSpots.SETTINGS_ICON_Y);
            require(feed.next(5_000) != null, "no update after opening Settings");
            require(ui.state().showing(PhoneApp.SETTINGS), "the tap on the Settings icon did not open Settings: "
                    + "PhoneSpots no longer matches the phone's layout");

            LatencySample all = new LatencySample();
            LatencySample taps = new LatencySample();
            LatencySample shade = new LatencySample();
            LatencySample back = new LatencySample();
            int missed = 0;
            int stray = 0;
            CpuMeter meter = null;
            for (int i = 0; i < WARMUP + samples; i++) {
                if (i == WARMUP) {
                    meter = CpuMeter.start(server.handle());
                }
                stray += awaitQuiet(viewer, feed);
                PhoneState before = ui.state();
                long sent = System.nanoTime();
                LatencySample kind;
                switch (i % 3) {
                    case 0:
                        viewer.tap(PhoneSpots.SWITCH_X, PhoneSpots.settingsRowY(0));
                        kind = taps;
                        break;
                    case 1:
                        viewer.swipe(PhoneSpots.LIST_X, PhoneSpots.TOP_EDGE_Y, PhoneSpots.LIST_X, 1500);
                        kind = shade;
                        break;
                    default:
                        viewer.key(PhoneSpots.BACK_KEYSYM);
                        kind = back;
                        break;
                }
                UpdateFeed.Arrival arrival = feed.next(5_000);
                if (arrival == null || ui.state().equals(before)) {
                    missed++;
                    continue;
                }
                if (i >= WARMUP) {
                    all.add(arrival.nanos() - sent);
                    kind.add(arrival.nanos() - sent);
                }
            }
            require(ui.state().showing(PhoneApp.SETTINGS) && !ui.state().shadeOpen(),
                    "the inputs lost their place: Settings should be showing with the shade closed");
            return new InputLatency(all, taps, shade, back, missed, stray, meter == null ? null : meter.read());
        }
    }

    /**
     * The encodings asked for, with the extensions noVNC 1.7 names too: ExtendedDesktopSize (it asks for
     * a size with --max-height), ContinuousUpdates and Fence (unless --requests-only).
     */
    private int[] viewerEncodings() {
        java.util.List<Integer> asked = new java.util.ArrayList<>();
        for (int e : encoding.encodings()) {
            asked.add(e);
        }
        asked.add(RfbViewer.EXTENDED_DESKTOP_SIZE);
        if (!requestsOnly) {
            asked.add(RfbViewer.FENCE);
            asked.add(RfbViewer.CONTINUOUS_UPDATES);
        }
        return asked.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Asks for the size (with --max-height) and then for everything, until an update with pixels of that
     * size has come: the session's viewers before this one may have left the phone at another size.
     */
    private void firstPicture(RfbViewer viewer, UpdateFeed feed, SharingPhone phone) throws Exception {
        ScreenSize own = phone.phone().screen().orElseThrow().geometry().phone();
        int wantedHeight = own.height();
        if (maxHeight > 0 && own.height() > maxHeight) {
            wantedHeight = maxHeight;
            viewer.askSize((int) Math.round((double) own.width() * maxHeight / own.height()), maxHeight, own);
        }
        for (int tries = 0; tries < 10; tries++) {
            viewer.requestUpdate(false);
            UpdateFeed.Arrival first = feed.next(10_000);
            require(first != null, "no first full update within 10 s");
            if (first.update().rects() > first.update().desktopSize() && viewer.height() == wantedHeight) {
                feed.drain();
                return;
            }
        }
        throw new IllegalStateException("the phone did not send frames " + wantedHeight + " px tall; it is at "
                + viewer.width() + "x" + viewer.height());
    }

    /** Asks for an incremental update and waits until the screen has been quiet; returns stray updates. */
    private static int awaitQuiet(RfbViewer viewer, UpdateFeed feed) throws IOException, InterruptedException {
        int stray = 0;
        viewer.requestUpdate(true);
        while (feed.next(QUIET_MILLIS) != null) {
            stray++; // the status bar clock turned a minute, or the phone drew late
            viewer.requestUpdate(true);
        }
        return stray;
    }

    private ScriptedStretch scriptedStretch(ServerProcess server, BenchApi tech, SharingPhone phone) throws Exception {
        try (RfbViewer viewer = ViewerWebSocket.open(server.baseUrl(), phone.session(), tech.token()).viewer()
                .handshake(viewerEncodings()); UpdateFeed feed = UpdateFeed.start(viewer, true)) {
            firstPicture(viewer, feed, phone);
            Thread.sleep(200);
            feed.drain();
            SettingsScript script = new SettingsScript(viewer, scrollStep);
            long interval = (long) (1e9 / rate);
            long start = System.nanoTime();
            long end = start + TimeUnit.SECONDS.toNanos(seconds);
            long changes = 0;
            Received received = new Received(start, seconds);
            CpuMeter meter = CpuMeter.start(server.handle());
            for (long due = start; due < end; due += interval) {
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                script.next();
                changes++;
                for (UpdateFeed.Arrival a = feed.next(0); a != null; a = feed.next(0)) {
                    received.add(a);
                }
            }
            // Updates whose first byte came before the end count whole; later ones not at all.
            for (UpdateFeed.Arrival a = feed.next(500); a != null && a.nanos() < end; a = feed.next(500)) {
                received.add(a);
            }
            CpuMeter.Reading cpu = meter.read();
            double elapsed = (end - start) / 1e9;
            return new ScriptedStretch(elapsed, changes, received.updates, received.bytes, received.largest,
                    received.busiestSecond() * 8 / 1e6, received.scrollUpdates, received.scrollBytes, received.jpegRects,
                    cpu);
        }
    }

    /** Sums of the updates the viewer received, and their bytes per second of the stretch. */
    private static final class Received {
        final long start;
        final long[] perSecond;
        long updates;
        long bytes;
        long largest;
        long scrollUpdates;
        long scrollBytes;
        long jpegRects;

        Received(long start, int seconds) {
            this.start = start;
            this.perSecond = new long[Math.max(1, seconds)];
        }

        void add(UpdateFeed.Arrival a) {
            long size = a.update().wireBytes();
            updates++;
            bytes += size;
            largest = Math.max(largest, size);
            jpegRects += a.update().jpeg();
            if (a.update().copyRect() > 0) {
                scrollUpdates++;
                scrollBytes += size;
            }
            perSecond[(int) Math.min(perSecond.length - 1, (a.nanos() - start) / 1_000_000_000L)] += size;
        }

        long busiestSecond() {
            return java.util.Arrays.stream(perSecond).max().orElse(0);
        }
    }

    private void print(InputLatency latency, ScriptedStretch stretch) {
        double goalMbits = maxHeight > 0 && maxHeight <= 1200 ? GOAL_MBITS_SCALED : GOAL_MBITS;
        double p50 = latency.all().percentileMillis(50);
        double p95 = latency.all().percentileMillis(95);
        String row = "%-46s %12s %10s%n";
        System.out.println();
        System.out.printf(row, "measure", "value", "goal");
        System.out.printf(row, "-".repeat(46), "-".repeat(12), "-".repeat(10));
        System.out.printf("%-46s %12d %10s%n", "inputs measured (after " + WARMUP + " warm-up)", latency.all().size(), "");
        System.out.printf("%-46s %12d %10s%n", "inputs without a visible change or update", latency.missed(), "");
        System.out.printf("%-46s %9.1f ms %7.0f ms%n", "input to first update byte p50", p50, GOAL_P50_MS);
        System.out.printf("%-46s %9.1f ms %7.0f ms%n", "input to first update byte p95", p95, GOAL_P95_MS);
        System.out.printf("%-46s %9.1f ms %10s%n", "input to first update byte p99", latency.all().percentileMillis(99), "");
        System.out.printf("%-46s %9.1f ms %10s%n", "input to first update byte max", latency.all().percentileMillis(100), "");
        System.out.printf("%-46s %9.1f ms %10s%n", "  tap a Settings switch p50 / p95",
                latency.taps().percentileMillis(50), String.format("%.1f ms", latency.taps().percentileMillis(95)));
        System.out.printf("%-46s %9.1f ms %10s%n", "  swipe the shade open p50 / p95",
                latency.shade().percentileMillis(50), String.format("%.1f ms", latency.shade().percentileMillis(95)));
        System.out.printf("%-46s %9.1f ms %10s%n", "  Back (Escape) closes the shade p50 / p95",
                latency.back().percentileMillis(50), String.format("%.1f ms", latency.back().percentileMillis(95)));
        printCpu("  CPU per input: phone and viewer (this JVM)", latency.cpu(), latency.all().size());
        System.out.printf("%-46s %9.1f s  %10s%n", "scripted scrolling (" + scrollStep + " px) and tapping", stretch.seconds(), "");
        System.out.printf("%-46s %9.1f /s %10s%n", "  changes made", stretch.changes() / stretch.seconds(), "");
        System.out.printf("%-46s %9.1f /s %10s%n", "  updates received", stretch.updates() / stretch.seconds(), "");
        System.out.printf("%-46s %9.1f KB %10s%n", "  bytes per update (average)",
                stretch.updates() == 0 ? 0 : stretch.bytes() / 1e3 / stretch.updates(), "");
        System.out.printf("%-46s %12s %10s%n", "  updates with a CopyRect (scrolls) / others",
                stretch.scrollUpdates() + " / " + (stretch.updates() - stretch.scrollUpdates()), "");
        System.out.printf("%-46s %9.1f KB %10s%n", "  bytes per scroll update (average)",
                stretch.scrollUpdates() == 0 ? 0 : stretch.scrollBytes() / 1e3 / stretch.scrollUpdates(), "");
        System.out.printf("%-46s %9.1f KB %10s%n", "  bytes per other update (average)",
                stretch.updates() == stretch.scrollUpdates() ? 0 : (stretch.bytes() - stretch.scrollBytes()) / 1e3
                        / (stretch.updates() - stretch.scrollUpdates()), "");
        System.out.printf("%-46s %9.1f KB %10s%n", "  largest update", stretch.largest() / 1e3, "");
        System.out.printf("%-46s %12d %10s%n", "  rectangles sent as JPEG", stretch.jpegRects(), "");
        System.out.printf("%-46s %6.2f Mbit/s %5.0f Mbit/s%n", "  bandwidth at the viewer (average)", stretch.mbits(),
                goalMbits);
        System.out.printf("%-46s %6.2f Mbit/s %10s%n", "  bandwidth, busiest second", stretch.peakMbits(), "");
        printCpu("  CPU per update: phone and viewer (this JVM)", stretch.cpu(), stretch.updates());
        boolean met = p50 <= GOAL_P50_MS && p95 <= GOAL_P95_MS && stretch.mbits() <= goalMbits;
        System.out.printf("latency (%s, %s): input to pixels p50 %.1f ms, p95 %.1f ms; scripted %.0f changes/s: %.2f Mbit/s, "
                        + "%.1f updates/s, %.1f KB/update, %.1f ms phone CPU/update; goals %s%n", encoding,
                maxHeight > 0 ? "max height " + maxHeight : "full size", p50, p95, stretch.changes() / stretch.seconds(),
                stretch.mbits(), stretch.updates() / stretch.seconds(),
                stretch.updates() == 0 ? 0 : stretch.bytes() / 1e3 / stretch.updates(),
                cpuMillisPer(stretch.cpu().bench().minus(stretch.cpu().benchJit()), stretch.updates()),
                met ? "met" : "NOT met");
    }

    /** This JVM's CPU (its JIT compiler aside) and the server's, in milliseconds per input or update. */
    private static void printCpu(String label, CpuMeter.Reading cpu, long count) {
        if (cpu == null) {
            return;
        }
        System.out.printf("%-46s %9.2f ms %10s%n", label, cpuMillisPer(cpu.bench().minus(cpu.benchJit()), count), "");
        System.out.printf("%-46s %9.2f ms %10s%n", "    the server's", cpuMillisPer(cpu.server().minus(cpu.serverJit()),
                count), "");
    }

    private static double cpuMillisPer(Duration cpu, long count) {
        return CpuMeter.Reading.secondsPer(cpu, count, 1000);
    }

    private static void require(boolean condition, String failure) {
        if (!condition) {
            throw new IllegalStateException(failure);
        }
    }
}
