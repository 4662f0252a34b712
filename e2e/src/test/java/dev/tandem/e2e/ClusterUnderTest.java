package dev.tandem.e2e;

import dev.tandem.server.ServerConfig.DatabaseSettings;
import dev.tandem.server.testing.Haproxy;
import dev.tandem.server.testing.NatsServer;
import dev.tandem.server.testing.PostgresServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tandem as several nodes, as docs/deployment.md deploys it: a real PostgreSQL, a real
 * {@code nats-server}, {@code tandem server} processes with {@code --node-id}, {@code --nats-url},
 * {@code --proxy-protocol}, and a real HAProxy in front with the documented configuration (least
 * connections, {@code /healthz} checks, PROXY v2, viewer sockets routed on {@code ?node=}).
 */
final class ClusterUnderTest implements AutoCloseable {
    private final NatsServer nats;
    private final Map<String, ServerUnderTest> nodes;
    private final Haproxy haproxy;

    private ClusterUnderTest(NatsServer nats, Map<String, ServerUnderTest> nodes, Haproxy haproxy) {
        this.nats = nats;
        this.nodes = nodes;
        this.haproxy = haproxy;
    }

    /** Starts PostgreSQL (shared), NATS, one node per id, then HAProxy in front of them. */
    static ClusterUnderTest start(Path dir, String... nodeIds) {
        DatabaseSettings database = PostgresServer.shared().newDatabase();
        NatsServer nats = NatsServer.start();
        Map<String, ServerUnderTest> nodes = new LinkedHashMap<>();
        try {
            for (String id : nodeIds) {
                List<String> options = new ArrayList<>(List.of("--node-id", id, "--nats-url", nats.url(),
                        "--db-url", database.jdbcUrl(), "--db-user", database.user(),
                        "--proxy-protocol", "--trusted-proxies", "127.0.0.1"));
                nodes.put(id, ServerUnderTest.start(options.toArray(String[]::new)));
            }
            Map<String, Integer> ports = new LinkedHashMap<>();
            nodes.forEach((id, node) -> ports.put(id, node.port()));
            return new ClusterUnderTest(nats, nodes, Haproxy.cluster(dir, ports));
        } catch (RuntimeException | AssertionError e) {
            nodes.values().forEach(ServerUnderTest::close);
            nats.close();
            throw e;
        }
    }

    /** Where clients connect: HAProxy. */
    String proxyUrl() {
        return "http://127.0.0.1:" + haproxy.port();
    }

    /** One node, straight (for a call that must land there). */
    String nodeUrl(String id) {
        return nodes.get(id).baseUrl();
    }

    List<String> nodeIds() {
        return List.copyOf(nodes.keySet());
    }

    @Override
    public void close() {
        haproxy.close();
        nodes.values().forEach(ServerUnderTest::close);
        nats.close();
    }
}
