package dev.tandem.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Tandem as several nodes for {@code bench load --nodes N}, deployed as docs/deployment.md says:
 * a local PostgreSQL ({@link LocalPostgres}), a {@code nats-server}, N benchmark servers with node
 * ids {@code n1…nN}, and HAProxy in front (HTTP mode, least connections, {@code /healthz} checked
 * every second, WebSockets tunnelled). Every client of the benchmark comes through the proxy.
 */
final class NodesDeployment implements AutoCloseable {
    private final LocalPostgres postgres;
    private final Process nats;
    private final List<ServerProcess> nodes;
    private final Process haproxy;
    private final int proxyPort;

    private NodesDeployment(LocalPostgres postgres, Process nats, List<ServerProcess> nodes, Process haproxy,
                            int proxyPort) {
        this.postgres = postgres;
        this.nats = nats;
        this.nodes = nodes;
        this.haproxy = haproxy;
        this.proxyPort = proxyPort;
    }

    static NodesDeployment start(int count, String heap) throws Exception {
        LocalPostgres postgres = LocalPostgres.start();
        Process nats = null;
        List<ServerProcess> nodes = new ArrayList<>();
        try {
            String database = postgres.createDatabase("tandem_bench");
            int natsPort = freePort();
            Path logs = Files.createTempDirectory("tandem-bench-nodes");
            nats = new ProcessBuilder("nats-server", "-a", "127.0.0.1", "-p", String.valueOf(natsPort))
                    .redirectErrorStream(true).redirectOutput(logs.resolve("nats.log").toFile()).start();
            awaitListening(natsPort, nats, "nats-server", logs.resolve("nats.log"));
            for (int i = 1; i <= count; i++) {
                nodes.add(ServerProcess.start(heap, new BenchTls(), List.of("--db-url", database, "--db-user", "postgres",
                        "--node-id", "n" + i, "--nats-url", "nats://127.0.0.1:" + natsPort)));
            }
            int proxyPort = freePort();
            Path config = logs.resolve("haproxy.cfg");
            Files.writeString(config, haproxyConfig(proxyPort, nodes), StandardCharsets.UTF_8);
            Process haproxy = new ProcessBuilder("haproxy", "-db", "-f", config.toString())
                    .redirectErrorStream(true).redirectOutput(logs.resolve("haproxy.log").toFile()).start();
            awaitListening(proxyPort, haproxy, "haproxy", logs.resolve("haproxy.log"));
            return new NodesDeployment(postgres, nats, nodes, haproxy, proxyPort);
        } catch (Exception | Error e) {
            for (ServerProcess node : nodes) {
                node.kill();
            }
            if (nats != null) {
                nats.destroyForcibly();
            }
            postgres.close();
            throw e;
        }
    }

    /**
     * Least connections over the nodes; a viewer's {@code ?node=} hint goes to that node; a node marked
     * down has its connections cut, so its phones come back elsewhere at once. 9,000 connections keep
     * HAProxy within a 20,000 open-file limit.
     */
    private static String haproxyConfig(int port, List<ServerProcess> nodes) {
        StringBuilder config = new StringBuilder("global\n  maxconn 9000\n")
                .append("defaults\n  mode http\n  option http-server-close\n  option redispatch\n  retries 3\n")
                .append("  timeout connect 2s\n  timeout client 120s\n  timeout server 120s\n  timeout tunnel 1h\n  timeout check 2s\n")
                .append("frontend tandem\n  bind 127.0.0.1:").append(port).append('\n')
                .append("  maxconn 9000\n  option forwardfor\n  default_backend nodes\n")
                .append("backend nodes\n  balance leastconn\n  option httpchk GET /healthz\n");
        for (int i = 1; i <= nodes.size(); i++) {
            config.append("  use-server n").append(i).append(" if { urlp(node) -m str n").append(i).append(" }\n");
        }
        for (int i = 1; i <= nodes.size(); i++) {
            config.append("  server n").append(i).append(" 127.0.0.1:").append(nodes.get(i - 1).port())
                    .append(" check inter 1s fall 3 rise 2 on-marked-down shutdown-sessions\n");
        }
        return config.toString();
    }

    String proxyUrl() {
        return "http://127.0.0.1:" + proxyPort;
    }

    List<ServerProcess> nodes() {
        return nodes;
    }

    private static void awaitListening(int port, Process process, String name, Path log)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException(name + " stopped at start: " + Files.readString(log).strip());
            }
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        process.destroyForcibly();
        throw new IOException(name + " did not listen on " + port + " within 15 s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws Exception {
        haproxy.destroyForcibly();
        for (ServerProcess node : nodes) {
            node.close();
        }
        nats.destroyForcibly();
        postgres.close();
    }
}
