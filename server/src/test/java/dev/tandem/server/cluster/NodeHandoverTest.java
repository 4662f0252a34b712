package dev.tandem.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.agent.AgentSession;
import dev.tandem.agent.ServerAddress;
import dev.tandem.agent.SessionRequest;
import dev.tandem.protocol.SessionCode;
import dev.tandem.protocol.message.Capabilities;
import dev.tandem.protocol.message.Capability;
import dev.tandem.protocol.message.DeviceInfo;
import dev.tandem.server.ServerConfig.DatabaseSettings;
import dev.tandem.server.testing.AgentPhone;
import dev.tandem.server.testing.Api;
import dev.tandem.server.testing.Haproxy;
import dev.tandem.server.testing.PostgresServer;
import dev.tandem.server.testing.RunningServer;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * A node that stops (SIGTERM runs {@code TandemServer.close}) hands its phones over: behind a real
 * HAProxy, the real agent is told to reconnect (1012), lands on the other node, which takes the
 * session, and no message is lost or doubled (issue 16).
 */
class NodeHandoverTest {

    @Test
    void aStoppingNodeHandsItsPhonesToAnotherWithoutLosingAMessage() throws Exception {
        DatabaseSettings database = PostgresServer.shared().newDatabase();
        try (RunningServer a = SessionOwnershipTest.node(database, "node-a");
             RunningServer b = SessionOwnershipTest.node(database, "node-b");
             Haproxy edge = Haproxy.nodes(Files.createTempDirectory("tandem-haproxy"), a.server().port(),
                     b.server().port())) {
            Api techOnA = a.technician("hanna");
            Api techOnB = b.api().withToken(techOnA.token());
            String code = techOnA.createCode("handover");
            AgentPhone phone = new AgentPhone();
            SessionRequest request = SessionRequest.join(ServerAddress.parse("http://127.0.0.1:" + edge.port()),
                    SessionCode.parse(code).orElseThrow(), "Ana", new DeviceInfo("samsung", "SM-S918B", "14", 34, "samsung"),
                    new Capabilities(Capability.available(), Capability.available(), Capability.available(),
                            Capability.available()));
            try (AgentSession session = AgentSession.create(request, phone)) {
                session.start();
                String id = phone.joined.get(10, TimeUnit.SECONDS);
                assertThat(a.server().owners().ownerOf(id)).contains("node-a");
                session.send("before the stop");
                await(() -> phone.saw("before the stop"));

                CompletableFuture<Void> stopped = CompletableFuture.runAsync(a::close);
                await(() -> stopped.isDone() || drained(a));
                session.send("while node A stops");
                phone.resumed.get(20, TimeUnit.SECONDS);
                stopped.get(30, TimeUnit.SECONDS);
                assertThat(b.server().owners().ownerOf(id)).contains("node-b");

                techOnB.post("/api/v1/sessions/" + id + "/messages", "{\"text\":\"from node B\"}").expect(201);
                await(() -> phone.saw("from node B") && phone.saw("while node A stops"));
                List<String> transcript = techOnB.get("/api/v1/sessions/" + id + "/messages").expect(200).json()
                        .findValuesAsText("text");
                for (String text : List.of("before the stop", "while node A stops", "from node B")) {
                    assertThat(transcript.stream().filter(text::equals).count()).as(text).isEqualTo(1);
                }
                assertThat(phone.seen.stream().filter(c -> c.text.equals("from node B")).count()).isEqualTo(1);
            }
        }
    }

    /** True once the node answers its health check with 503 (or no longer answers at all). */
    private static boolean drained(RunningServer node) {
        try {
            return node.api().get("/healthz").status() == 503;
        } catch (RuntimeException closed) {
            return true;
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        AgentPhone.await(condition, 20);
    }
}
