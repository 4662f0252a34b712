package dev.tandem.bench;

import dev.tandem.server.ServerConfig;
import dev.tandem.server.TandemServer;
import dev.tandem.server.edge.EdgeSettings;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The server under test, in a process of its own so that its heap holds only the server. Prints
 * {@code ready <port>}, then answers {@code heap} on stdin with the used heap after full GCs.
 */
public final class BenchServer {
    static final String ADMIN_PASSWORD = "bench-orange-kite-42";

    private BenchServer() {
    }

    public static void main(String[] args) throws Exception {
        // Thousands of phones and hundreds of technicians come from this one machine's address: the
        // per-address limits that protect a real server would refuse the benchmark itself.
        ServerConfig config = ServerConfig.defaults(0, Path.of(args[0])).withAdminPassword(ADMIN_PASSWORD)
                .withTimings(Duration.ofMinutes(5), Duration.ofSeconds(15))
                .withClientLimits(new ServerConfig.ClientLimits(20_000, 5_000, Duration.ofSeconds(10),
                        Duration.ofSeconds(20), ServerConfig.ClientLimits.DEFAULTS.threads()));
        if (args.length >= 3) {
            config = config.withEdge(config.edge().withTls(new EdgeSettings.TlsFiles(Path.of(args[1]), Path.of(args[2]))));
        }
        try (TandemServer server = TandemServer.start(config)) {
            System.out.println("ready " + server.port());
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null && !line.equals("quit"); line = in.readLine()) {
                if (line.equals("heap")) {
                    System.out.println("heap " + usedHeapAfterGc());
                    System.out.flush();
                }
            }
        }
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(200);
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
