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
 * tunnelled, a viewer's {@code ?node=} hint routed to that node). Customers come through HAProxy;
 * a test may also talk to one node directly, as a technician whose browser the proxy sent there.
 */
final class NodesUnderTest implements AutoCloseable {
    private final PostgresServer postgres;
    private final NatsServer nats;
    private final Map<String, ServerUnderTest> nodes;
    private final Process haproxy;
    private final int haproxyPort;

    private NodesUnderTest(PostgresServer postgres, NatsServer nats, Map<String, ServerUnderTest> nodes, Process haproxy,
                           int haproxyPort) {
        this.postgres = postgres;
        this.nats = nats;
        this.nodes = nodes;
        this.haproxy = haproxy;
        this.haproxyPort = haproxyPort;
    }

    /** Starts the database, the bus, the nodes {@code ids} (one after the other) and the proxy. */
    static NodesUnderTest start(String... ids) {
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
            for (String id : ids) {
                nodes.put(id, ServerUnderTest.start(environment, "--node-id", id, "--nats-url", nats.url(),
                        "--db-url", database.jdbcUrl(), "--db-user", database.user(),
                        "--public-url", "http://127.0.0.1:" + haproxyPort, "--trusted-proxies", "127.0.0.1/32"));
            }
            Process haproxy = startHaproxy(Files.createTempDirectory("tandem-haproxy"), haproxyPort, nodes);
            started = true;
            return new NodesUnderTest(postgres, nats, nodes, haproxy, haproxyPort);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (!started) {
                nodes.values().forEach(ServerUnderTest::close);
                nats.close();
                postgres.stopIfRunning();
            }
        }
    }

    /** Where customers and their phones come in. */
    String proxyUrl() {
        return "http://127.0.0.1:" + haproxyPort;
    }

    ServerUnderTest node(String id) {
        ServerUnderTest node = nodes.get(id);
        if (node == null) {
            throw new IllegalArgumentException("No node " + id);
        }
        return node;
    }

    List<String> ids() {
        return new ArrayList<>(nodes.keySet());
    }

    /** The HAProxy configuration the nodes run behind (docs/deployment.md shows the same). */
    static String haproxyConfig(int port, Map<String, ServerUnderTest> nodes) {
        StringBuilder config = new StringBuilder();
        config.append("global\n  maxconn 4000\n")
                .append("defaults\n  mode http\n  option http-server-close\n  option redispatch\n  retries 3\n")
                .append("  timeout connect 2s\n  timeout client 60s\n  timeout server 60s\n  timeout tunnel 1h\n")
                .append("frontend tandem\n  bind 127.0.0.1:").append(port).append('\n')
                .append("  option forwardfor\n  default_backend nodes\n")
                .append("backend nodes\n  balance leastconn\n  option httpchk GET /healthz\n");
        for (String id : nodes.keySet()) {
            config.append("  use-server ").append(id).append(" if { urlp(node) -m str ").append(id).append(" }\n");
        }
        for (Map.Entry<String, ServerUnderTest> node : nodes.entrySet()) {
            config.append("  server ").append(node.getKey()).append(" 127.0.0.1:").append(node.getValue().port())
                    .append(" check inter 1s fall 2 rise 2\n");
        }
        return config.toString();
    }

    private static Process startHaproxy(Path dir, int port, Map<String, ServerUnderTest> nodes) throws IOException {
        Path config = dir.resolve("haproxy.cfg");
        Files.writeString(config, haproxyConfig(port, nodes), StandardCharsets.UTF_8);
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
