package dev.tandem.server.requests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.server.testing.Api;
import dev.tandem.server.testing.RawDevice;
import dev.tandem.server.testing.RunningServer;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Chat-only requests over REST and /ws/request: line positions, cancel, take once, limits, timeout. */
class ChatRequestsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    RunningServer server;
    Api anonymous;

    @BeforeEach
    void start() {
        // A server per test: the per-address limit counts every request this test's loopback address makes.
        server = RunningServer.start();
        anonymous = server.api();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private JsonNode ask(String portal, String name) {
        return anonymous.post("/api/v1/portals/" + portal + "/requests", "{\"name\":" + Api.quote(name)
                + ",\"description\":\"The printer does not print\"}").expect(201).json();
    }

    private static String path(JsonNode request, String suffix) {
        return "/api/v1/requests/" + request.get("id").asText() + suffix + "?token=" + request.get("token").asText();
    }

    @Test
    void positionsAreNumberedPerPortalAndMoveLiveWhenSomeoneAheadLeaves() throws Exception {
        server.admin().post("/api/v1/portals", "{\"slug\":\"printers\",\"name\":\"Printers\"}").expect(201);
        JsonNode first = ask("default", "Ana");
        JsonNode second = ask("default", "Bruno");
        JsonNode third = ask("default", "Carla");
        JsonNode other = ask("printers", "Dora");
        assertThat(first.get("status").asText()).isEqualTo("waiting");
        assertThat(List.of(first.get("position").asInt(), second.get("position").asInt(), third.get("position").asInt(),
                other.get("position").asInt())).containsExactly(1, 2, 3, 1);
        assertThat(first.get("token").asText()).hasSizeGreaterThan(20);
        assertThat(anonymous.get(path(second, "")).expect(200).json().get("position").asInt()).isEqualTo(2);
        assertThat(anonymous.get("/api/v1/requests/" + second.get("id").asText() + "?token=wrong").status()).isEqualTo(404);

        try (Watcher secondPage = Watcher.open(server, second); Watcher thirdPage = Watcher.open(server, third)) {
            assertThat(secondPage.next(r -> true).get("position").asInt()).isEqualTo(2);
            assertThat(thirdPage.next(r -> true).get("position").asInt()).isEqualTo(3);

            JsonNode cancelled = anonymous.post(path(first, "/cancel"), "").expect(200).json();
            assertThat(cancelled.get("status").asText()).isEqualTo("cancelled");
            assertThat(secondPage.next(r -> r.get("position").asInt() == 1).get("status").asText()).isEqualTo("waiting");
            assertThat(thirdPage.next(r -> r.get("position").asInt() == 2).get("status").asText()).isEqualTo("waiting");

            Api tech = server.technician("tomas");
            JsonNode list = tech.get("/api/v1/requests").expect(200).json();
            assertThat(list).hasSize(3);
            assertThat(list.get(0).get("name").asText()).isEqualTo("Bruno");
            assertThat(list.get(0).get("position").asInt()).isEqualTo(1);
            assertThat(list.get(0).get("description").asText()).isEqualTo("The printer does not print");

            String session = tech.post("/api/v1/requests/" + second.get("id").asText() + "/accept", "").expect(200)
                    .json().get("session").asText();
            JsonNode accepted = secondPage.next(r -> r.get("status").asText().equals("accepted"));
            assertThat(accepted.get("session").asText()).isEqualTo(session);
            assertThat(accepted.get("technician").asText()).isEqualTo("tomas");
            assertThat(thirdPage.next(r -> r.get("position").asInt() == 1).get("status").asText()).isEqualTo("waiting");
            assertThat(anonymous.get(path(other, "")).json().get("position").asInt()).isEqualTo(1);
        }
    }

    @Test
    void aRequestIsTakenOnceAndTheCustomerResumesIntoTheChatOnlySession() throws Exception {
        JsonNode request = ask("default", "Ana");
        Api marta = server.technician("marta");
        Api luis = server.technician("luis");
        String accept = "/api/v1/requests/" + request.get("id").asText() + "/accept";

        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch ready = new CountDownLatch(2);
        List<Future<Api.Response>> takes = new ArrayList<>();
        for (Api tech : List.of(marta, luis)) {
            takes.add(pool.submit((Callable<Api.Response>) () -> {
                ready.countDown();
                ready.await();
                return tech.post(accept, "");
            }));
        }
        List<Integer> statuses = new ArrayList<>();
        String session = null;
        for (Future<Api.Response> take : takes) {
            Api.Response response = take.get(20, TimeUnit.SECONDS);
            statuses.add(response.status());
            if (response.status() == 200) {
                session = response.json().get("session").asText();
            } else {
                assertThat(response.errorCode()).isEqualTo("request_taken");
            }
        }
        pool.shutdown();
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        assertThat(marta.post(accept, "").status()).isEqualTo(409);
        assertThat(marta.get("/api/v1/requests").json()).isEmpty();

        JsonNode view = anonymous.get(path(request, "")).json();
        assertThat(view.get("status").asText()).isEqualTo("accepted");
        assertThat(view.get("position").isNull()).isTrue();
        assertThat(anonymous.post(path(request, "/cancel"), "").errorCode()).isEqualTo("request_accepted");

        Api owner = statuses.get(0) == 200 ? marta : luis;
        JsonNode stored = owner.get("/api/v1/sessions/" + session).expect(200).json();
        assertThat(stored.get("customerName").asText()).isEqualTo("Ana");
        assertThat(stored.get("code").isNull()).isTrue();
        assertThat(stored.get("capabilities").get("chat").asBoolean()).isTrue();
        assertThat(stored.get("capabilities").get("screen").asBoolean()).isFalse();

        try (RawDevice customer = RawDevice.connect(server)) {
            customer.send(RawDevice.resume(session, request.get("token").asText(), 0));
            assertThat(customer.next("welcome").get("session").asText()).isEqualTo(session);
            assertThat(customer.next("chat").get("text").asText()).contains("The printer does not print");
            owner.post("/api/v1/sessions/" + session + "/messages", "{\"text\":\"Hola Ana\"}").expect(201);
            customer.chatWithText("Hola Ana");
            customer.chat(1, "Gracias");
            customer.next("ack");
            assertThat(owner.get("/api/v1/sessions/" + session + "/messages").json().toString()).contains("Gracias");
        }
    }

    @Test
    void requestsAreInTheAuditLogAndTheTakenOneInTheHistory() {
        JsonNode cancelled = ask("default", "Bruno");
        anonymous.post(path(cancelled, "/cancel"), "").expect(200);
        JsonNode request = ask("default", "Ana");
        Api tech = server.technician("tomas");
        String session = tech.post("/api/v1/requests/" + request.get("id").asText() + "/accept", "").expect(200)
                .json().get("session").asText();

        Api admin = server.admin();
        JsonNode requests = admin.get("/api/v1/audit?action=request").expect(200).json();
        List<String> seen = new ArrayList<>();
        for (JsonNode entry : requests) {
            assertThat(entry.get("action").asText()).startsWith("request.");
            seen.add(entry.get("action").asText() + " " + entry.get("actor").asText());
        }
        assertThat(seen).containsExactly("request.created customer:Bruno", "request.cancelled customer:Bruno",
                "request.created customer:Ana", "request.accepted tomas");
        JsonNode created = requests.get(2);
        assertThat(created.get("session").isNull()).isTrue();
        assertThat(created.get("detail").asText()).contains(request.get("id").asText()).contains("default")
                .doesNotContain(request.get("token").asText());
        JsonNode accepted = requests.get(3);
        assertThat(accepted.get("session").asText()).isEqualTo(session);
        assertThat(accepted.get("detail").asText()).contains(request.get("id").asText());

        // The taken request is found by its session and by the exact action, and in the history.
        JsonNode bySession = admin.get("/api/v1/audit?session=" + session + "&action=request.accepted").expect(200).json();
        assertThat(bySession).hasSize(1);
        assertThat(admin.get("/api/v1/audit?action=request.created").expect(200).json()).hasSize(2);
        JsonNode history = admin.get("/api/v1/sessions/" + session + "/history").expect(200).json();
        assertThat(history.at("/session/origin").asText()).isEqualTo("request");
        assertThat(history.at("/session/technician/username").asText()).isEqualTo("tomas");
        // Technicians do not read the audit log.
        assertThat(tech.get("/api/v1/audit?action=request").status()).isEqualTo(403);
    }

    @Test
    void aPortalThatTakesNoRequestsRefusesThem() {
        server.admin().post("/api/v1/portals", "{\"slug\":\"closed\",\"name\":\"Closed\",\"allowChatRequests\":false}")
                .expect(201);
        Api.Response refused = anonymous.post("/api/v1/portals/closed/requests",
                "{\"name\":\"Ana\",\"description\":\"Help\"}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.errorCode()).isEqualTo("requests_disabled");
        assertThat(anonymous.get("/portal/closed").status()).isEqualTo(403);
        assertThat(anonymous.get("/api/v1/portals/closed/public").json().get("allowChatRequests").asBoolean()).isFalse();
        assertThat(anonymous.post("/api/v1/portals/nope/requests", "{\"name\":\"Ana\",\"description\":\"x\"}").status())
                .isEqualTo(404);
        assertThat(anonymous.get("/portal/nope").status()).isEqualTo(404);
    }

    @Test
    void limitsOnNameDescriptionAndEmail() {
        String url = "/api/v1/portals/default/requests";
        assertThat(anonymous.post(url, "{\"name\":" + Api.quote("n".repeat(81)) + ",\"description\":\"x\"}").status())
                .isEqualTo(400);
        Api.Response longText = anonymous.post(url, "{\"name\":\"Ana\",\"description\":" + Api.quote("d".repeat(1001)) + "}");
        assertThat(longText.status()).isEqualTo(413);
        assertThat(longText.errorMessage()).contains("1000");
        assertThat(anonymous.post(url, "{\"name\":\"Ana\",\"description\":\"x\",\"email\":\"not-an-address\"}").errorCode())
                .isEqualTo("bad_address");
        assertThat(anonymous.post(url, "{\"name\":\"Ana\",\"description\":\"x\",\"email\":"
                + Api.quote("a".repeat(320) + "@example.com") + "}").status()).isEqualTo(400);
        assertThat(anonymous.post(url, "{\"name\":\"\",\"description\":\"x\"}").status()).isEqualTo(400);
        assertThat(anonymous.post(url, "{\"name\":\"Ana\"}").status()).isEqualTo(400);
        assertThat(anonymous.post(url, "[1]").status()).isEqualTo(400);
        assertThat(anonymous.post(url, "{\"name\":" + Api.quote("n".repeat(80)) + ",\"description\":"
                + Api.quote("d".repeat(1000)) + ",\"email\":\"ana@example.com\"}").status()).isEqualTo(201);
    }

    @Test
    void fiveRequestsPerAddressEveryTenMinutes() {
        for (int i = 0; i < 5; i++) {
            ask("default", "Ana " + i);
        }
        Api.Response sixth = anonymous.post("/api/v1/portals/default/requests", "{\"name\":\"Ana\",\"description\":\"x\"}");
        assertThat(sixth.status()).isEqualTo(429);
        assertThat(sixth.errorMessage()).contains("Too many requests");
        server.clock().advance(Duration.ofMinutes(11));
        ask("default", "Ana again");
    }

    @Test
    void aRequestNobodyTakesExpiresAndTheCustomerMayLeaveAnEmail() throws Exception {
        server.admin().put("/api/v1/portals/default", "{\"requestTimeoutMinutes\":2}").expect(200);
        JsonNode request = ask("default", "Ana");
        assertThat(Duration.between(Instant.parse(request.get("createdAt").asText()),
                Instant.parse(request.get("expiresAt").asText()))).isEqualTo(Duration.ofMinutes(2));
        assertThat(anonymous.post(path(request, "/follow-up"), "{\"email\":\"ana@example.com\"}").errorCode())
                .isEqualTo("not_expired");
        try (Watcher page = Watcher.open(server, request)) {
            page.next(r -> r.get("status").asText().equals("waiting"));
            server.clock().advance(Duration.ofMinutes(3));
            assertThat(page.next(r -> r.get("status").asText().equals("expired")).get("position").isNull()).isTrue();
        }
        Api tech = server.technician("eva");
        assertThat(tech.get("/api/v1/requests").json()).isEmpty();
        assertThat(tech.post("/api/v1/requests/" + request.get("id").asText() + "/accept", "").status()).isEqualTo(410);
        assertThat(anonymous.post(path(request, "/follow-up"), "{\"email\":\"nope\"}").status()).isEqualTo(400);
        JsonNode followed = anonymous.post(path(request, "/follow-up"), "{\"email\":\"ana@example.com\"}").expect(200).json();
        assertThat(followed.get("followUpEmail").asText()).isEqualTo("ana@example.com");
        JsonNode expired = tech.get("/api/v1/requests?status=expired").expect(200).json();
        assertThat(expired).hasSize(1);
        assertThat(expired.get(0).get("followUpEmail").asText()).isEqualTo("ana@example.com");
        assertThat(expired.get(0).get("status").asText()).isEqualTo("expired");
    }

    @Test
    void thePortalPageAndItsSettingsEscapeWhatTheyShow() {
        Api admin = server.admin();
        JsonNode portal = admin.put("/api/v1/portals/default", "{\"welcomeText\":\"<img src=x onerror=alert(1)> Hi\","
                + "\"brandColor\":\"#AA3300\",\"requestTimeoutMinutes\":15}").expect(200).json();
        assertThat(portal.get("brandColor").asText()).isEqualTo("#aa3300");
        assertThat(portal.get("requestTimeoutMinutes").asInt()).isEqualTo(15);
        assertThat(admin.put("/api/v1/portals/default", "{\"brandColor\":\"red\"}").status()).isEqualTo(400);
        assertThat(admin.put("/api/v1/portals/default", "{\"requestTimeoutMinutes\":0}").status()).isEqualTo(400);
        assertThat(admin.put("/api/v1/portals/default", "{\"welcomeText\":" + Api.quote("w".repeat(1001)) + "}").status())
                .isEqualTo(400);
        assertThat(admin.get("/api/v1/portals").json().get(0).get("welcomeText").asText()).startsWith("<img");
        JsonNode pub = anonymous.get("/api/v1/portals/default/public").expect(200).json();
        assertThat(pub.get("brandColor").asText()).isEqualTo("#aa3300");
        assertThat(pub.has("maxLiveCodes")).isFalse();

        Api.Response page = anonymous.get("/portal/default");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("data-welcome=\"&lt;img src=x onerror=alert(1)&gt; Hi\"")
                .doesNotContain("<img").contains("/assets/portal.js");
        assertThat(page.raw().headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'self'");

        JsonNode request = ask("default", "<img src=x onerror=alert(1)>");
        assertThat(anonymous.get(path(request, "")).json().get("name").asText()).isEqualTo("<img src=x onerror=alert(1)>");
    }

    /** A customer's waiting page: /ws/request/{id}?token=. */
    static final class Watcher implements AutoCloseable {
        private final BlockingQueue<JsonNode> views = new LinkedBlockingQueue<>();
        private final CompletableFuture<Integer> closed = new CompletableFuture<>();
        private final WebSocketClient client;

        private Watcher(URI uri) {
            client = new WebSocketClient(uri) {
                @Override
                public void onOpen(ServerHandshake handshake) {
                }

                @Override
                public void onMessage(String message) {
                    try {
                        JsonNode frame = JSON.readTree(message);
                        if ("request".equals(frame.path("type").asText())) {
                            views.add(frame.get("request"));
                        }
                    } catch (IOException e) {
                        throw new AssertionError(e);
                    }
                }

                @Override
                public void onClose(int code, String reason, boolean remote) {
                    closed.complete(code);
                }

                @Override
                public void onError(Exception ex) {
                }
            };
        }

        static Watcher open(RunningServer server, JsonNode request) throws InterruptedException {
            Watcher watcher = new Watcher(URI.create(server.wsUrl("/ws/request/" + request.get("id").asText()
                    + "?token=" + request.get("token").asText())));
            assertThat(watcher.client.connectBlocking(5, TimeUnit.SECONDS)).isTrue();
            return watcher;
        }

        JsonNode next(Predicate<JsonNode> wanted) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline) {
                JsonNode view = views.poll(100, TimeUnit.MILLISECONDS);
                if (view != null && wanted.test(view)) {
                    return view;
                }
            }
            throw new AssertionError("No such request view within 10 s");
        }

        @Override
        public void close() {
            client.close();
        }
    }

    @Test
    void aWrongTokenClosesTheSocket() throws Exception {
        JsonNode request = ask("default", "Ana");
        Watcher watcher = new Watcher(URI.create(server.wsUrl("/ws/request/" + request.get("id").asText() + "?token=bad")));
        watcher.client.connectBlocking(5, TimeUnit.SECONDS);
        assertThat(watcher.closed.get(5, TimeUnit.SECONDS)).isEqualTo(1008);
    }
}
