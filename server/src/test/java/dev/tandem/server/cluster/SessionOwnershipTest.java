package dev.tandem.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.server.ClusterSettings;
import dev.tandem.server.ServerConfig.DatabaseSettings;
import dev.tandem.server.testing.Api;
import dev.tandem.server.testing.PostgresServer;
import dev.tandem.server.testing.RawDevice;
import dev.tandem.server.testing.RunningServer;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Two nodes (two servers with their own node ids) on one real PostgreSQL: which node owns a session,
 * the fencing epoch that stops a replaced owner's writes, what a restarted node takes over, and the
 * nodes list administrators read (issue 16).
 */
class SessionOwnershipTest {

    static RunningServer node(DatabaseSettings database, String id) {
        return RunningServer.start(c -> c.withDatabase(database)
                .withCluster(new ClusterSettings(id, Optional.empty(), true)));
    }

    @Test
    void aNodeThatLostTheSessionToAnotherHasItsWritesFencedAndClosesThePhone() {
        DatabaseSettings database = PostgresServer.shared().newDatabase();
        try (RunningServer a = node(database, "node-a"); RunningServer b = node(database, "node-b")) {
            Api techOnA = a.technician("fenna");
            Api techOnB = b.api().withToken(techOnA.token());
            String code = techOnA.createCode("fencing");
            try (RawDevice phone = RawDevice.connect(a)) {
                JsonNode welcome = phone.join(code, "Ana");
                String id = welcome.get("session").asText();
                phone.chat(1, "before the move");
                phone.next("ack");
                assertThat(a.server().owners().ownerOf(id)).contains("node-a");
                assertThat(techOnB.get("/api/v1/sessions/" + id).expect(200).json().get("ownerNode").asText())
                        .isEqualTo("node-a");

                // The phone comes back through the other node (its own node stalled, say): B owns it now.
                try (RawDevice moved = RawDevice.connect(b)) {
                    moved.send(RawDevice.resume(id, welcome.get("resumeToken").asText(), 0));
                    moved.next("welcome");
                    moved.chatWithText("before the move");
                    assertThat(b.server().owners().ownerOf(id)).contains("node-b");

                    // A still holds the old connection; its next write is refused by the epoch (503), unless
                    // A's heartbeat noticed the higher epoch first and forgot the session (410).
                    Api.Response late = techOnA.post("/api/v1/sessions/" + id + "/messages", "{\"text\":\"late from A\"}");
                    assertThat(late.status()).isIn(503, 410);
                    assertThat(phone.awaitClose()).isEqualTo(1012);

                    techOnB.post("/api/v1/sessions/" + id + "/messages", "{\"text\":\"from B\"}").expect(201);
                    moved.chatWithText("from B");
                    moved.chat(2, "after the move");
                    assertThat(moved.next("ack").get("seq").asLong()).isPositive();
                    assertThat(techOnB.get("/api/v1/sessions/" + id + "/messages").expect(200).json()
                            .findValuesAsText("text"))
                            .contains("before the move", "from B", "after the move").doesNotContain("late from A");
                    // A forgot the session: its technician is told it is not live here.
                    assertThat(techOnA.post("/api/v1/sessions/" + id + "/messages", "{\"text\":\"again\"}").status())
                            .isEqualTo(410);
                }
            }
        }
    }

    @Test
    void aRestartedNodeTakesNothingALiveNodeOwnsButTakesADeadNodesSessions() {
        DatabaseSettings database = PostgresServer.shared().newDatabase();
        try (RunningServer a = node(database, "node-a"); RunningServer b = node(database, "node-b")) {
            Api tech = a.technician("restia");
            String code = tech.createCode("restart");
            try (RawDevice phone = RawDevice.connect(a)) {
                JsonNode welcome = phone.join(code, "Ana");
                String id = welcome.get("session").asText();
                phone.chat(1, "hello");
                phone.next("ack");

                b.restart();
                assertThat(b.server().owners().ownerOf(id)).contains("node-a");
                assertThat(a.server().owners().stillOwns(id, 1)).isTrue();
                phone.chat(2, "still on A");
                phone.next("ack");

                // A stops: its row goes, so the session is an orphan; B, restarted, takes it over.
                a.close();
                b.restart();
                assertThat(b.server().owners().ownerOf(id)).contains("node-b");
                assertThat(phoneConnected(database, id)).as("adopted without its phone: no node says it is connected")
                        .isFalse();
                try (RawDevice back = RawDevice.connect(b)) {
                    back.send(RawDevice.resume(id, welcome.get("resumeToken").asText(), 0));
                    back.next("welcome");
                    back.chatWithText("still on A");
                    back.chat(3, "now on B");
                    back.next("ack");
                }
            }
        }
    }

    @Test
    void administratorsListTheNodesWithTheirHeartbeatsAndConnections() {
        DatabaseSettings database = PostgresServer.shared().newDatabase();
        try (RunningServer a = node(database, "node-a"); RunningServer b = node(database, "node-b")) {
            Api tech = a.technician("nodia");
            String code = tech.createCode("nodes");
            try (RawDevice phone = RawDevice.connect(a)) {
                phone.join(code, "Ana");
                a.server().node(); // the node is bound
                JsonNode nodes = waitForPhones(b.admin(), "node-a", 1);
                assertThat(nodes.findValuesAsText("id")).containsExactly("node-a", "node-b");
                JsonNode first = nodes.get(0);
                assertThat(first.get("address").asText()).endsWith(":" + a.server().port());
                assertThat(first.get("stopping").asBoolean()).isFalse();
                assertThat(first.get("lastHeartbeat").asText()).isNotEmpty();
                assertThat(first.has("consoles")).isTrue();
                assertThat(first.has("viewers")).isTrue();
                tech.get("/api/v1/nodes").expect(403);
            }
        }
    }

    @Test
    void aServerAloneIsTheOneNodeLocalAndNamesNoOwner() {
        try (RunningServer alone = RunningServer.start()) {
            Api tech = alone.technician("solo");
            String code = tech.createCode("alone");
            try (RawDevice phone = RawDevice.connect(alone)) {
                String id = phone.join(code, "Ana").get("session").asText();
                assertThat(tech.get("/api/v1/sessions/" + id).expect(200).json().get("ownerNode").isNull()).isTrue();
                JsonNode nodes = alone.admin().get("/api/v1/nodes").expect(200).json();
                assertThat(nodes.findValuesAsText("id")).containsExactly("local");
                assertThat(nodes.get(0).get("phones").asInt()).isEqualTo(1);
            }
        }
    }

    /** The nodes list once {@code node}'s heartbeat counts {@code phones} (it beats every 5 s). */
    private static JsonNode waitForPhones(Api admin, String node, int phones) {
        long deadline = System.nanoTime() + 15_000_000_000L;
        JsonNode nodes;
        do {
            nodes = admin.get("/api/v1/nodes").expect(200).json();
            for (JsonNode n : nodes) {
                if (n.get("id").asText().equals(node) && n.get("phones").asInt() == phones) {
                    return nodes;
                }
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        } while (System.nanoTime() < deadline);
        throw new AssertionError("node " + node + " never reported " + phones + " phones: " + nodes);
    }

    /** What the session's row says about its phone, as every node that does not hold it reads it. */
    private static boolean phoneConnected(DatabaseSettings database, String session) {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(database.jdbcUrl(), database.user(),
                database.password());
             java.sql.PreparedStatement q = c.prepareStatement("SELECT phone_connected FROM support_sessions WHERE id = ?")) {
            q.setString(1, session);
            try (java.sql.ResultSet rs = q.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getBoolean(1);
            }
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }
}
