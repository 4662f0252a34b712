package dev.tandem.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.server.testing.Api;
import dev.tandem.server.testing.LoopbackHttp;
import dev.tandem.server.testing.RunningServer;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Sign-in: console cookie with CSRF, bearer tokens, throttling, disabled users. */
class AuthTest {
    static RunningServer server;

    @BeforeAll
    static void start() {
        server = RunningServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void consoleSignInSetsAnHttpOnlySameSiteCookieAndChangesNeedTheCsrfToken() {
        server.technician("carla");
        Api.Response login = server.api().post("/api/v1/auth/login", "{\"username\":\"carla\",\"password\":\"" + RunningServer.password("carla") + "\"}")
                .expect(200);
        String setCookie = login.raw().headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).startsWith("tandem_session=").containsIgnoringCase("HttpOnly")
                .containsIgnoringCase("SameSite=Strict");
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        String csrf = login.json().get("csrfToken").asText();
        assertThat(login.json().at("/user/role").asText()).isEqualTo("technician");

        Api api = server.api();
        JsonNode me = api.send(api.request("/api/v1/auth/me").header("Cookie", cookie).GET()).expect(200).json();
        assertThat(me.get("csrfToken").asText()).isEqualTo(csrf);

        HttpRequest.Builder withoutCsrf = api.request("/api/v1/codes").header("Cookie", cookie)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"));
        Api.Response refused = api.send(withoutCsrf);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.errorCode()).isEqualTo("csrf");

        HttpRequest.Builder withCsrf = api.request("/api/v1/codes").header("Cookie", cookie).header("X-CSRF-Token", csrf)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"));
        api.send(withCsrf).expect(201);

        api.send(api.request("/api/v1/auth/logout").header("Cookie", cookie).header("X-CSRF-Token", csrf)
                .POST(HttpRequest.BodyPublishers.noBody())).expect(204);
        assertThat(api.send(api.request("/api/v1/auth/me").header("Cookie", cookie).GET()).status()).isEqualTo(401);
    }

    @Test
    void failuresFromAnywhereMakeTheAccountWaitButNeverLockOutItsOwner() {
        server.technician("dora");
        int port = java.net.URI.create(server.baseUrl()).getPort();
        String right = "{\"username\":\"dora\",\"password\":\"" + RunningServer.password("dora") + "\"}";
        String wrong = "{\"username\":\"dora\",\"password\":\"wrong\"}";
        server.clock().freeze();
        try {
            // Dora's usual place: she signed in from there before.
            assertThat(LoopbackHttp.send("127.0.0.2", port, "POST", "/api/v1/auth/token", right).status()).isEqualTo(200);

            // Someone guesses from other addresses: after six failures in a row the account waits 1 s,
            // after the seventh 2 s.
            for (int attempt = 1; attempt <= 7; attempt++) {
                LoopbackHttp.Response response = LoopbackHttp.send("127.0.1." + attempt, port, "POST",
                        "/api/v1/auth/token", wrong);
                assertThat(response.status()).as("attempt " + attempt).isEqualTo(401);
                assertThat(response.body()).contains("Wrong user name or password.");
                if (attempt == 6) {
                    LoopbackHttp.Response waiting = LoopbackHttp.send("127.0.1.9", port, "POST", "/api/v1/auth/token", wrong);
                    assertThat(waiting.status()).isEqualTo(429);
                    assertThat(waiting.header("Retry-After")).isEqualTo("1");
                    assertThat(waiting.body()).contains("too_many_attempts").contains("next attempt is allowed in 1 second");
                    server.clock().advance(java.time.Duration.ofSeconds(1));
                }
            }
            LoopbackHttp.Response newPlace = LoopbackHttp.send("127.0.0.3", port, "POST", "/api/v1/auth/token", right);
            assertThat(newPlace.status()).as("even the right password waits at a new place").isEqualTo(429);
            assertThat(newPlace.header("Retry-After")).isEqualTo("2");

            server.clock().advance(java.time.Duration.ofSeconds(2));
            assertThat(LoopbackHttp.send("127.0.0.3", port, "POST", "/api/v1/auth/token", right).status())
                    .as("a correct password from a new address after the wait").isEqualTo(200);

            for (int attempt = 1; attempt <= 6; attempt++) {
                assertThat(LoopbackHttp.send("127.0.1." + attempt, port, "POST", "/api/v1/auth/token", wrong).status())
                        .isEqualTo(401);
            }
            assertThat(LoopbackHttp.send("127.0.0.4", port, "POST", "/api/v1/auth/token", right).status()).isEqualTo(429);
            assertThat(LoopbackHttp.send("127.0.0.2", port, "POST", "/api/v1/auth/token", right).status())
                    .as("her usual place never waits for the account").isEqualTo(200);
        } finally {
            server.clock().resume();
        }
    }

    @Test
    void oneAddressFailingForManyNamesIsRefusedAndOthersAreNot() {
        int port = java.net.URI.create(server.baseUrl()).getPort();
        for (int attempt = 1; attempt <= 30; attempt++) {
            assertThat(LoopbackHttp.send("127.0.2.1", port, "POST", "/api/v1/auth/token",
                    "{\"username\":\"nobody" + attempt + "\",\"password\":\"x\"}").status()).isEqualTo(401);
        }
        LoopbackHttp.Response refused = LoopbackHttp.send("127.0.2.1", port, "POST", "/api/v1/auth/token",
                "{\"username\":\"nobody-else\",\"password\":\"x\"}");
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.body()).contains("from your address");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 900L);
        assertThat(LoopbackHttp.send("127.0.2.2", port, "POST", "/api/v1/auth/token",
                "{\"username\":\"nobody-else\",\"password\":\"x\"}").status()).isEqualTo(401);
    }

    @Test
    void aDisabledUsersTokensStopWorkingAtOnce() {
        Api frank = server.technician("frank");
        frank.get("/api/v1/codes").expect(200);
        server.admin().put("/api/v1/users/frank", "{\"enabled\":false}").expect(200);
        assertThat(frank.get("/api/v1/codes").status()).isEqualTo(401);
        assertThat(server.api().post("/api/v1/auth/token", "{\"username\":\"frank\",\"password\":\"" + RunningServer.password("frank") + "\"}")
                .status()).isEqualTo(401);

        server.admin().put("/api/v1/users/frank", "{\"enabled\":true}").expect(200);
        assertThat(frank.get("/api/v1/codes").status()).as("a token from before the account was disabled").isEqualTo(401);
        Api again = server.api().signIn("frank", RunningServer.password("frank"));
        again.get("/api/v1/codes").expect(200);
        server.admin().put("/api/v1/users/frank", "{\"password\":\"a-new-password\"}").expect(200);
        assertThat(again.get("/api/v1/codes").status()).as("a token from before the password was reset").isEqualTo(401);
        server.api().signIn("frank", "a-new-password").get("/api/v1/codes").expect(200);
    }

    @Test
    void onlyAdministratorsManageUsersAndPortals() {
        Api tech = server.technician("gina");
        assertThat(tech.get("/api/v1/users").status()).isEqualTo(403);
        assertThat(tech.post("/api/v1/portals", "{\"name\":\"X\",\"slug\":\"x-portal\"}").status()).isEqualTo(403);
        assertThat(tech.get("/api/v1/portals").json().findValuesAsText("slug")).contains("default");
        Api admin = server.admin();
        assertThat(admin.post("/api/v1/users", "{\"username\":\"gina\",\"password\":\"" + RunningServer.password("gina") + "\"}").status())
                .isEqualTo(409);
        JsonNode portal = admin.post("/api/v1/portals", "{\"name\":\"Impresoras\",\"slug\":\"printers\",\"language\":\"es\","
                + "\"askBeforeScreenSharing\":true,\"codeLifetimeMinutes\":5}").expect(201).json();
        assertThat(portal.get("askBeforeScreenSharing").asBoolean()).isTrue();
        assertThat(portal.get("askBeforeDiagnostics").asBoolean()).isTrue();
        assertThat(admin.post("/api/v1/portals", "{\"name\":\"Again\",\"slug\":\"printers\"}").status()).isEqualTo(409);
        admin.put("/api/v1/portals/printers", "{\"codeLifetimeMinutes\":7}").expect(200);
        assertThat(tech.post("/api/v1/codes", "{\"portal\":\"printers\"}").expect(201).json().get("portal").asText())
                .isEqualTo("printers");
    }

    @Test
    void theDefaultPortalIsSetAsTheSeedDescribes() {
        JsonNode portal = server.admin().get("/api/v1/portals").json().findParents("slug").stream()
                .filter(p -> p.get("slug").asText().equals("default")).findFirst().orElseThrow();
        assertThat(portal.get("askBeforeScreenSharing").asBoolean()).isFalse();
        assertThat(portal.get("askBeforeDiagnostics").asBoolean()).isTrue();
        assertThat(portal.get("allowChatRequests").asBoolean()).isTrue();
        assertThat(portal.get("codeLifetimeMinutes").asInt()).isEqualTo(20);
    }

    @Test
    void theConsoleSocketWantsASignInAndAPageOfThisServer() throws Exception {
        Api tech = server.technician("vera");
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        String url = server.wsUrl("/ws/console");
        java.util.concurrent.CompletableFuture<Integer> refused = new java.util.concurrent.CompletableFuture<>();
        http.newWebSocketBuilder().buildAsync(java.net.URI.create(url), new java.net.http.WebSocket.Listener() {
            @Override
            public java.util.concurrent.CompletionStage<?> onClose(java.net.http.WebSocket ws, int code, String reason) {
                refused.complete(code);
                return null;
            }
        }).join();
        assertThat(refused.get(5, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(1008);

        java.util.concurrent.CompletableFuture<String> hello = new java.util.concurrent.CompletableFuture<>();
        http.newWebSocketBuilder().buildAsync(java.net.URI.create(url + "?token=" + tech.token()),
                new java.net.http.WebSocket.Listener() {
                    @Override
                    public java.util.concurrent.CompletionStage<?> onText(java.net.http.WebSocket ws, CharSequence data,
                                                                          boolean last) {
                        hello.complete(data.toString());
                        return null;
                    }
                }).join();
        assertThat(hello.get(5, java.util.concurrent.TimeUnit.SECONDS)).contains("\"type\":\"hello\"").contains("vera");

    }

    @Test
    void healthOpenApiAndMetricsAnswer() {
        server.api().get("/healthz").expect(200);
        assertThat(server.api().get("/api/v1/openapi.json").expect(200).json().get("openapi").asText()).startsWith("3.");
        assertThat(server.admin().get("/metrics").expect(200).body()).contains("tandem_sessions_active");
        assertThat(server.api().get("/api/v1/nothing-here").errorCode()).isEqualTo("not_found");
        Api.Response huge = server.api().post("/api/v1/auth/token", "\"" + "a".repeat(2_000_000) + "\"");
        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.errorCode()).isEqualTo("body_too_large");
        Api.Response large = server.api().post("/api/v1/auth/token", "\"" + "a".repeat(300_000) + "\"");
        assertThat(large.status()).isEqualTo(413);
        assertThat(large.errorMessage()).contains("256 KiB");
    }
}
