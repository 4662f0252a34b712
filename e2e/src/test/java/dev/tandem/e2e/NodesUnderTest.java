package dev.tandem.e2e;

import dev.tandem.server.ServerConfig.DatabaseSettings;
import dev.tandem.server.testing.NatsServer;
import dev.tandem.server.testing.PostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Tandem as several nodes, the way docs/deployment.md deploys it: one real PostgreSQL, one real
 * {@code nats-server}, {@code tandem server} processes with {@code --node-id}, and a real HAProxy
 * in front (HTTP mode, least connections, {@code /healthz} checks every second, WebSockets
 * tunnelled, a viewer's {@code ?node=} hint routed to that node, the connections of a node marked
 * down cut so that its phones come back elsewhere). Customers come through HAProxy;
 * a test may also talk to one node directly, as a technician whose browser the proxy sent there.
 */
public final class NodesUnderTest implements AutoCloseable {
    /** The first administrator's password on every node. */
    public static final String ADMIN_PASSWORD = ServerUnderTest.ADMIN_PASSWORD;
    private final PostgresServer postgres;
    private final NatsServer nats;
    private final Map<String, ServerUnderTest> nodes;
    private final Process haproxy;
    private final int haproxyPort;
    /** Per node, a proxy port that reaches only that node (the nodes speak only the PROXY protocol). */
    private final Map<String, Integer> directPorts;

    private NodesUnderTest(PostgresServer postgres, NatsServer nats, Map<String, ServerUnderTest> nodes, Process haproxy,
                           int haproxyPort, Map<String, Integer> directPorts) {
        this.directPorts = directPorts;
        this.postgres = postgres;
        this.nats = nats;
        this.nodes = nodes;
        this.haproxy = haproxy;
        this.haproxyPort = haproxyPort;
    }

    /** Starts the database, the bus, the nodes {@code ids} (side by side) and the proxy. */
    public static NodesUnderTest start(String... ids) {
        return start(List.of(), ids);
    }

    /** As {@link #start(String...)}, each node also started with {@code options}. */
    static NodesUnderTest start(List<String> options, String... ids) {
        PostgresServer postgres = PostgresServer.startPrivate();
        NatsServer nats = NatsServer.start();
        Map<String, ServerUnderTest> nodes = new LinkedHashMap<>();
        boolean started = false;
        try {
            DatabaseSettings database = postgres.newDatabase();
            int haproxyPort = freePort();
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            // Every node seals and opens the same secrets in the shared database.
            Map<String, String> environment = Map.of("TANDEM_SECRET_KEY", Base64.getEncoder().encodeToString(key));
            // The first node creates the schema alone; the others then start side by side.
            for (int i = 0; i < ids.length; i++) {
                nodes.put(ids[i], null);
            }
            List<java.util.concurrent.CompletableFuture<ServerUnderTest>> starting = new ArrayList<>();
            for (int i = 0; i < ids.length; i++) {
                List<String> command = new ArrayList<>(List.of("--node-id", ids[i], "--nats-url", nats.url(),
                        "--db-url", database.jdbcUrl(), "--db-user", database.user(),
                        "--public-url", "http://127.0.0.1:" + haproxyPort, "--proxy-protocol", "--trusted-proxies", "127.0.0.1/32"));
                command.addAll(options);
                String[] args = command.toArray(String[]::new);
                if (i == 0) {
                    nodes.put(ids[i], ServerUnderTest.start(environment, args));
                } else {
                    starting.add(java.util.concurrent.CompletableFuture.supplyAsync(
                            () -> ServerUnderTest.start(environment, args)));
                }
            }
            for (int i = 1; i < ids.length; i++) {
                nodes.put(ids[i], starting.get(i - 1).join());
            }
            Map<String, Integer> directPorts = new LinkedHashMap<>();
            for (String id : ids) {
                directPorts.put(id, freePort());
            }
            Process haproxy = startHaproxy(Files.createTempDirectory("tandem-haproxy"), haproxyPort, nodes, directPorts);
            started = true;
            return new NodesUnderTest(postgres, nats, nodes, haproxy, haproxyPort, directPorts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (!started) {
                nodes.values().stream().filter(java.util.Objects::nonNull).forEach(ServerUnderTest::close);
                nats.close();
                postgres.stopIfRunning();
            }
        }
    }

    /** Where customers and their phones come in. */
    public String proxyUrl() {
        return "http://127.0.0.1:" + haproxyPort;
    }

    ServerUnderTest node(String id) {
        ServerUnderTest node = nodes.get(id);
        if (node == null) {
            throw new IllegalArgumentException("No node " + id);
        }
        return node;
    }

    /** An address that reaches only node {@code id} (through the proxy, as the nodes accept nothing else). */
    public String baseUrl(String id) {
        node(id);
        return "http://127.0.0.1:" + directPorts.get(id);
    }

    /** SIGKILL on node {@code id}. */
    public void kill(String id) {
        node(id).kill();
    }

    public List<String> ids() {
        return new ArrayList<>(nodes.keySet());
    }

    /**
     * The HAProxy configuration the nodes run behind (docs/deployment.md shows the same, with TLS):
     * PROXY protocol to the nodes and in the health checks, least connections, the viewer's hint.
     * Besides it, per node a frontend that reaches that node only, where a test plays a browser the
     * proxy sent there.
     */
    static String haproxyConfig(int port, Map<String, ServerUnderTest> nodes, Map<String, Integer> directPorts) {
        StringBuilder config = new StringBuilder();
        config.append("global\n  maxconn 4000\n")
                .append("defaults\n  mode http\n  option http-server-close\n  option redispatch\n  retries 3\n")
                .append("  timeout connect 2s\n  timeout client 60s\n  timeout server 60s\n  timeout tunnel 1h\n  timeout check 2s\n")
                .append("frontend tandem\n  bind 127.0.0.1:").append(port).append('\n')
                .append("  default_backend nodes\n")
                .append("backend nodes\n  balance leastconn\n  option httpchk GET /healthz\n  http-check expect status 200\n")
                .append("  default-server check inter 1s fall 3 rise 2 send-proxy-v2 check-send-proxy")
                .append(" on-marked-down shutdown-sessions\n");
        for (String id : nodes.keySet()) {
            config.append("  use-server ").append(id).append(" if { path_beg /ws/screen/ } { url_param(node) -m str ")
                    .append(id).append(" }\n");
        }
        for (Map.Entry<String, ServerUnderTest> node : nodes.entrySet()) {
            config.append("  server ").append(node.getKey()).append(" 127.0.0.1:").append(node.getValue().port()).append('\n');
        }
        for (Map.Entry<String, ServerUnderTest> node : nodes.entrySet()) {
            config.append("frontend direct_").append(node.getKey()).append("\n  bind 127.0.0.1:")
                    .append(directPorts.get(node.getKey())).append("\n  default_backend only_").append(node.getKey())
                    .append("\nbackend only_").append(node.getKey()).append("\n  server ").append(node.getKey())
                    .append(" 127.0.0.1:").append(node.getValue().port()).append(" send-proxy-v2\n");
        }
        return config.toString();
    }

    private static Process startHaproxy(Path dir, int port, Map<String, ServerUnderTest> nodes,
                                        Map<String, Integer> directPorts) throws IOException {
        Path config = dir.resolve("haproxy.cfg");
        Files.writeString(config, haproxyConfig(port, nodes, directPorts), StandardCharsets.UTF_8);
        Path log = dir.resolve("haproxy.log");
        Process process = new ProcessBuilder("haproxy", "-db", "-f", config.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("haproxy stopped: " + Files.readString(log));
            }
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
                return process;
            } catch (IOException notYet) {
                sleep(Duration.ofMillis(100));
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("haproxy did not listen on " + port);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        haproxy.destroy();
        nodes.values().forEach(ServerUnderTest::close);
        nats.close();
        postgres.stopIfRunning();
    }
}
