package dev.tandem.bench;

import dev.tandem.server.ClusterSettings;
import dev.tandem.server.ServerConfig;
import dev.tandem.server.TandemServer;
import dev.tandem.server.edge.EdgeSettings;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

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
        Map<String, String> options = options(args);
        if (options.containsKey("--tls-cert")) {
            config = config.withEdge(config.edge().withTls(new EdgeSettings.TlsFiles(Path.of(options.get("--tls-cert")),
                    Path.of(options.get("--tls-key")))));
        }
        if (options.containsKey("--db-url")) {
            config = config.withDatabase(new ServerConfig.DatabaseSettings(options.get("--db-url"),
                    options.getOrDefault("--db-user", ""), ""));
        }
        if (options.containsKey("--node-id")) {
            config = config.withCluster(ClusterSettings.of(Optional.of(options.get("--node-id")),
                    Optional.ofNullable(options.get("--nats-url")), 0));
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

    /** {@code DATA [--tls-cert F --tls-key F] [--db-url U --db-user U] [--node-id ID --nats-url U]}. */
    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        return options;
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
