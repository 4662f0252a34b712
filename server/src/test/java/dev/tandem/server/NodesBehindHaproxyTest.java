package dev.tandem.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.server.ServerConfig.DatabaseSettings;
import dev.tandem.server.edge.TrustedProxies;
import dev.tandem.server.testing.Api;
import dev.tandem.server.testing.Haproxy;
import dev.tandem.server.testing.NatsServer;
import dev.tandem.server.testing.PostgresServer;
import dev.tandem.server.testing.RawDevice;
import dev.tandem.server.testing.RunningServer;
import dev.tandem.server.testing.SocketProbe;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes behind a real HAProxy with the configuration of docs/deployment.md (least connections,
 * {@code /healthz} checks, PROXY v2, viewer sockets routed on {@code ?node=}): whichever node a
 * call lands on, the phone gets the technician's messages, and a viewer with the hint always
 * reaches the node that holds the phone.
 */
class NodesBehindHaproxyTest {
    @TempDir
    Path dir;

    @Test
    void callsLandAnywhereAndViewersWithTheHintReachTheOwner() {
        DatabaseSettings database = PostgresServer.shared().newDatabase();
        try (NatsServer nats = NatsServer.start(); RunningServer a = node(database, nats, "a");
             RunningServer b = node(database, nats, "b");
             Haproxy haproxy = Haproxy.cluster(dir, nodes(a, b))) {
            String base = "http://127.0.0.1:" + haproxy.port();
            Api admin = new Api(base).signIn("admin", RunningServer.ADMIN_PASSWORD);
            admin.post("/api/v1/users", "{\"username\":\"hana\",\"password\":\"" + RunningServer.password("hana")
                    + "\",\"displayName\":\"Hana\",\"role\":\"technician\"}").expect(201);
            Api tech = new Api(base).signIn("hana", RunningServer.password("hana"));
            try (RawDevice phone = RawDevice.connect(URI.create("ws://127.0.0.1:" + haproxy.port() + "/ws/agent"))) {
                String session = phone.join(tech.createCode("haproxy"), "Ana").get("session").asText();
                String owner = tech.get("/api/v1/sessions/" + session).expect(200).json().path("ownerNode").asText();
                assertThat(owner).isIn("a", "b");
                for (int i = 1; i <= 4; i++) {
                    // New connections each time: least connections spreads them over both nodes.
                    Api fresh = new Api(base).withToken(tech.token());
                    fresh.post("/api/v1/sessions/" + session + "/messages", "{\"text\":\"line " + i + "\"}").expect(201);
                    phone.chatWithText("line " + i);
                }
                for (int i = 0; i < 6; i++) {
                    SocketProbe.Outcome viewer = SocketProbe.probe("ws://127.0.0.1:" + haproxy.port() + "/ws/screen/"
                            + session + "?node=" + owner + "&token=" + tech.token(), Map.of(), null, 1500);
                    assertThat(viewer.closeCode()).as("viewer %s with ?node=%s", i, owner).isNotEqualTo(4409);
                }
            }
        }
    }

    private static RunningServer node(DatabaseSettings database, NatsServer nats, String id) {
        return RunningServer.start(c -> c.withDatabase(database)
                .withCluster(ClusterSettings.of(Optional.of(id), Optional.of(nats.url()), 0))
                .withEdge(c.edge().withProxyProtocol(true).withTrustedProxies(TrustedProxies.parse("127.0.0.1/32"))));
    }

    private static Map<String, Integer> nodes(RunningServer a, RunningServer b) {
        Map<String, Integer> nodes = new LinkedHashMap<>();
        nodes.put("a", a.server().port());
        nodes.put("b", b.server().port());
        return nodes;
    }
}
