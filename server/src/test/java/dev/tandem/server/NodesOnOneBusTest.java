package dev.tandem.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.server.ServerConfig.DatabaseSettings;
import dev.tandem.server.testing.Api;
import dev.tandem.server.testing.EventSocket;
import dev.tandem.server.testing.NatsServer;
import dev.tandem.server.testing.PostgresServer;
import dev.tandem.server.testing.RawDevice;
import dev.tandem.server.testing.RunningServer;
import dev.tandem.server.testing.SocketProbe;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two nodes on one PostgreSQL and one real nats-server, in this JVM: a phone joins node A (A owns
 * the session), the technician works on node B. What acts on the session is carried to A; what
 * happens on A reaches B's consoles; a user disabled on one node loses their consoles on the other.
 */
class NodesOnOneBusTest {
    private static NatsServer nats;
    private static DatabaseSettings database;
    private static RunningServer a;
    private static RunningServer b;

    @BeforeAll
    static void startTwoNodes() {
        nats = NatsServer.start();
        database = PostgresServer.shared().newDatabase();
        a = node("a");
        b = node("b");
    }

    @AfterAll
    static void stopNodes() {
        b.close();
        a.close();
        nats.close();
    }

    private static RunningServer node(String id) {
        return RunningServer.start(c -> c.withDatabase(database)
                .withCluster(ClusterSettings.of(Optional.of(id), Optional.of(nats.url()), 0)));
    }

    @Test
    void aConsoleOnNodeBSeesTheSessionNodeAOwnsAndChatsWithItsPhone() {
        Api onA = a.technician("tina");
        Api onB = b.api().signIn("tina", RunningServer.password("tina"));
        try (RawDevice phone = RawDevice.connect(a); EventSocket console = EventSocket.console(b.wsUrl(""), onB.token())) {
            String session = joinOwnedByA(phone, onA.createCode("bus-1"));
            phone.chat(1, "hola desde el nodo A");
            phone.next("ack");
            JsonNode event = console.next(f -> "message".equals(f.path("type").asText())
                    && "hola desde el nodo A".equals(f.path("message").path("text").asText()), "the phone's message");
            assertThat(event.path("session").asText()).isEqualTo(session);

            onB.post("/api/v1/sessions/" + session + "/messages", "{\"text\":\"hello from node B\"}").expect(201);
            assertThat(phone.chatWithText("hello from node B").path("sender").asText()).isEqualTo("technician");
            console.next(f -> "message".equals(f.path("type").asText())
                    && "hello from node B".equals(f.path("message").path("text").asText()), "the technician's message");
            assertThat(onB.get("/api/v1/sessions/" + session + "/screen").expect(200).json().path("status").asText())
                    .as("the screen state comes from the owner").isEqualTo("off");
        }
    }

    @Test
    void aRetriedMessageWithTheSameKeyIsStoredAndDeliveredOnce() {
        Api onA = a.technician("rita");
        Api onB = b.api().signIn("rita", RunningServer.password("rita"));
        try (RawDevice phone = RawDevice.connect(a)) {
            String session = joinOwnedByA(phone, onA.createCode("bus-2"));
            Api.Response first = post(onB, session, "once only", "key-1");
            Api.Response retry = post(onB, session, "once only", "key-1");
            assertThat(first.status()).isEqualTo(201);
            assertThat(retry.status()).isEqualTo(201);
            assertThat(retry.json().path("seq").asLong()).isEqualTo(first.json().path("seq").asLong());
            assertThat(technicianLine(phone)).isEqualTo("once only");
            post(onB, session, "the next one", "key-2").expect(201);
            assertThat(technicianLine(phone)).as("no second copy came before it")
                    .isEqualTo("the next one");
            // The same key straight at the owner is the same message too.
            assertThat(post(onA, session, "once only", "key-1").json().path("seq").asLong())
                    .isEqualTo(first.json().path("seq").asLong());
            assertThat(onB.get("/api/v1/sessions/" + session + "/messages").expect(200).json()
                    .findValuesAsText("text")).containsOnlyOnce("once only");
            assertThat(post(onB, session, "x", "a key with spaces").expect(400).errorCode()).isEqualTo("bad_input");
        }
    }

    @Test
    void aCallForAnOwnerThatIsGoneIsA503WithASentence() throws SQLException {
        Api onA = a.technician("gus");
        Api onB = b.api().signIn("gus", RunningServer.password("gus"));
        try (RawDevice phone = RawDevice.connect(a)) {
            String session = joinOwnedByA(phone, onA.createCode("bus-3"));
            setOwner(session, "ghost");
            try {
                Api.Response refused = onB.post("/api/v1/sessions/" + session + "/messages", "{\"text\":\"anyone?\"}")
                        .expect(503);
                assertThat(refused.errorCode()).isEqualTo("node_unreachable");
                assertThat(refused.errorMessage()).startsWith("The server node holding this session did not answer");
                assertThat(refused.raw().headers().firstValue("Retry-After")).contains("2");
            } finally {
                setOwner(session, "a");
            }
            onB.post("/api/v1/sessions/" + session + "/messages", "{\"text\":\"anyone?\"}").expect(201);
            phone.chatWithText("anyone?");
        }
    }

    @Test
    void theOwnerChecksWhoMayActOnTheSession() {
        Api owner = a.technician("olga");
        Api stranger = b.technician("sam");
        try (RawDevice phone = RawDevice.connect(a)) {
            String session = joinOwnedByA(phone, owner.createCode("bus-4"));
            // Node B forwards without looking: the 404 is the owner's answer for a technician not on the session.
            assertThat(stranger.post("/api/v1/sessions/" + session + "/messages", "{\"text\":\"hi\"}").expect(404)
                    .errorCode()).isEqualTo("not_found");
            assertThat(stranger.post("/api/v1/sessions/" + session + "/end", "").expect(404).errorCode())
                    .isEqualTo("not_found");
            String readOnly = b.api().signIn("olga", RunningServer.password("olga"))
                    .post("/api/v1/tokens", "{\"name\":\"reader\",\"scope\":\"read\"}").expect(201).json()
                    .path("token").asText();
            assertThat(b.api().withToken(readOnly).post("/api/v1/sessions/" + session + "/messages",
                    "{\"text\":\"hi\"}").expect(403).errorCode()).isEqualTo("read_only_token");
            assertThat(b.admin().post("/api/v1/sessions/" + session + "/screen", "{}").expect(202).json()
                    .path("status").asText()).as("an administrator may act on any session, on the owner too")
                    .isEqualTo("pending");
        }
    }

    @Test
    void aUserDisabledOnOneNodeLosesTheirConsolesAndTokenOnTheOther() {
        Api onB = b.technician("dora");
        try (EventSocket console = EventSocket.console(b.wsUrl(""), onB.token())) {
            onB.get("/api/v1/sessions").expect(200);
            a.admin().put("/api/v1/users/dora", "{\"enabled\":false}").expect(200);
            assertThat(console.awaitClose()).isEqualTo(1008);
            assertThat(onB.get("/api/v1/sessions").status()).as("node B forgot the sign-in at once").isEqualTo(401);
        }
    }

    @Test
    void aCustomerWaitingOnNodeASeesTheRequestTakenOnNodeB() {
        JsonNode created = a.api().post("/api/v1/portals/default/requests",
                "{\"name\":\"Carla\",\"description\":\"The printer is offline\"}").expect(201).json();
        String id = created.path("id").asText();
        Api onB = b.technician("tomas");
        try (EventSocket page = EventSocket.requestPage(a.wsUrl(""), id, created.path("token").asText());
             EventSocket console = EventSocket.console(b.wsUrl(""), onB.token())) {
            onB.post("/api/v1/requests/" + id + "/accept", "").expect(200);
            JsonNode taken = page.next(f -> "request".equals(f.path("type").asText())
                    && "accepted".equals(f.path("request").path("status").asText()), "the request taken");
            assertThat(taken.path("request").path("status").asText()).isEqualTo("accepted");
            console.next(f -> "session".equals(f.path("type").asText()), "the new session");
        }
    }

    @Test
    void aViewerThatReachesANodeWithoutThePhoneIsToldToReconnectThere() {
        Api onA = a.technician("vic");
        try (RawDevice phone = RawDevice.connect(a)) {
            String session = joinOwnedByA(phone, onA.createCode("bus-5"));
            Api onB = b.api().signIn("vic", RunningServer.password("vic"));
            SocketProbe.Outcome outcome = SocketProbe.probe(b.wsUrl("/ws/screen/" + session + "?node=a&token="
                    + onB.token()), Map.of(), null, 5000);
            assertThat(outcome.closeCode()).isEqualTo(4409);
        }
    }

    @Test
    void aNodeThatCannotReachNatsDoesNotStartAndSaysSoInOneLine() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "nats://127.0.0.1:" + closedPort;
        assertThatThrownBy(() -> RunningServer.start(c -> c.withDatabase(database)
                .withCluster(ClusterSettings.of(Optional.of("c"), Optional.of(url), 0))))
                .isInstanceOf(TandemServer.StartupException.class)
                .hasMessage("Cannot reach NATS at " + url + ": check --nats-url and that nats-server runs there.");
    }

    @Test
    void nodeBSaysTheCustomerIsConnectedWhileThePhoneIsOnNodeAAndNotOnceItDropped() throws Exception {
        Api onA = a.technician("carla");
        Api onB = b.api().signIn("carla", RunningServer.password("carla"));
        String session;
        try (RawDevice phone = RawDevice.connect(a)) {
            session = joinOwnedByA(phone, onA.createCode("bus-connected"));
            awaitCustomerConnected(onB, session, true);
        }
        awaitCustomerConnected(onB, session, false);
        assertThat(onB.get("/api/v1/sessions?status=active").expect(200).json().findValues("customerConnected"))
                .as("the list on node B agrees").allMatch(v -> !v.asBoolean());
    }

    /**
     * Canned replies and private notes (issue 18): written through node B, in the database, and
     * announced through the cluster's events to the console on A; the phone on A never gets the note.
     */
    @Test
    void aNoteAndASharedReplyWrittenOnOneNodeReachTheConsoleOnTheOtherAndNeverThePhone() {
        Api onA = a.technician("nora");
        Api onB = b.api().signIn("nora", RunningServer.password("nora"));
        try (RawDevice phone = RawDevice.connect(a); EventSocket console = EventSocket.console(a.wsUrl(""), onA.token())) {
            String session = joinOwnedByA(phone, onA.createCode("nodes"));

            JsonNode note = onB.post("/api/v1/sessions/" + session + "/notes", "{\"text\":\"written on node B\"}")
                    .expect(201).json();
            JsonNode event = console.next("note");
            assertThat(event.get("session").asText()).isEqualTo(session);
            assertThat(event.at("/note/id").asLong()).isEqualTo(note.get("id").asLong());
            assertThat(onA.get("/api/v1/sessions/" + session + "/notes").expect(200).json().findValuesAsText("text"))
                    .containsExactly("written on node B");

            b.admin().post("/api/v1/portals/default/replies", "{\"shortcut\":\"nodes\",\"text\":\"From B.\"}").expect(201);
            assertThat(console.next("replies").get("portal").asText()).isEqualTo("default");
            assertThat(onA.get("/api/v1/replies").expect(200).json().findValuesAsText("shortcut")).contains("nodes");

            // The technician's next line reaches the phone; nothing before it carried the note.
            onB.post("/api/v1/sessions/" + session + "/messages", "{\"text\":\"after the note\"}").expect(201);
            List<String> seen = new ArrayList<>();
            phone.next(frame -> {
                seen.add(frame.toString());
                return "after the note".equals(frame.path("text").asText());
            }, "the line after the note");
            assertThat(seen).noneSatisfy(frame -> assertThat(frame).contains("node B"));
        }
    }

    /** Issue 18.2: every team call made on node B runs on node A, and the helper's console on B hears the session. */
    @Test
    void aHelperOnNodeBFollowsTheChatAndTheSessionIsTransferredAndQueuedFromNodeB() {
        Api teodoroOnA = a.technician("teodoro");
        Api teodoroOnB = b.api().signIn("teodoro", RunningServer.password("teodoro"));
        a.technician("humberto");
        Api humbertoOnB = b.api().signIn("humberto", RunningServer.password("humberto"));
        try (RawDevice phone = RawDevice.connect(a); EventSocket humbertosConsole = EventSocket.console(b.wsUrl(""), humbertoOnB.token())) {
            String session = joinOwnedByA(phone, teodoroOnA.createCode("bus-team"));
            String path = "/api/v1/sessions/" + session;
            teodoroOnB.post(path + "/helpers", "{\"technician\":\"humberto\"}").expect(201);
            assertThat(phone.next("technicianJoined").path("technician").asText()).isEqualTo("humberto");
            phone.chat(1, "the helper reads this on node B");
            humbertosConsole.next(f -> "message".equals(f.path("type").asText())
                    && "the helper reads this on node B".equals(f.path("message").path("text").asText()), "the phone's line");
            assertThat(humbertoOnB.post(path + "/control", "{\"technician\":\"humberto\"}").errorCode()).isEqualTo("not_control_holder");
            teodoroOnB.post(path + "/control", "{\"technician\":\"humberto\"}").expect(200);
            assertThat(humbertoOnB.get(path + "/team").expect(200).json().path("controlHolder").asText()).isEqualTo("humberto");

            teodoroOnB.post(path + "/transfer", "{\"technician\":\"humberto\",\"note\":\"from node B\"}").expect(200);
            assertThat(phone.next("transferred").path("technician").asText()).isEqualTo("humberto");
            teodoroOnB.get(path).expect(404);
            humbertoOnB.post(path + "/transfer", "{\"portal\":\"default\"}").expect(202);
            assertThat(teodoroOnB.post(path + "/claim", "").expect(200).json().at("/owner/username").asText()).isEqualTo("teodoro");
            assertThat(phone.next("transferred").path("technician").asText()).isEqualTo("teodoro");
        }
    }

    private static void awaitCustomerConnected(Api api, String session, boolean connected) throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        boolean now = !connected;
        while (System.nanoTime() < deadline) {
            now = api.get("/api/v1/sessions/" + session).expect(200).json().path("customerConnected").asBoolean();
            if (now == connected) {
                return;
            }
            Thread.sleep(100);
        }
        assertThat(now).as("customerConnected of %s on the node without the phone", session).isEqualTo(connected);
    }

    /** The phone joins node A with {@code code}; node A owns its session. */
    private static String joinOwnedByA(RawDevice phone, String code) {
        String session = phone.join(code, "Ana").get("session").asText();
        if (a.server().owners().ownerOf(session).isEmpty()) {
            a.server().owners().take(session);
        }
        assertThat(a.server().owners().ownerOf(session)).contains("a");
        return session;
    }

    /** The next chat line from the technician that reaches the phone (system lines are skipped). */
    private static String technicianLine(RawDevice phone) {
        return phone.next(f -> "chat".equals(f.path("type").asText()) && "technician".equals(f.path("sender").asText()),
                "a technician's line").path("text").asText();
    }

    private static Api.Response post(Api api, String session, String text, String key) {
        return api.send(api.request("/api/v1/sessions/" + session + "/messages").header("Content-Type", "application/json")
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString("{\"text\":" + Api.quote(text) + "}")));
    }

    /** Names another node as the owner, as if the phone had moved (the epoch stays: node A's writes still count). */
    private static void setOwner(String session, String node) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
             PreparedStatement update = connection.prepareStatement("UPDATE support_sessions SET owner_node = ? WHERE id = ?")) {
            update.setString(1, node);
            update.setString(2, session);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }
}
