package dev.tandem.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.server.testing.Api;
import dev.tandem.server.testing.RawDevice;
import dev.tandem.server.testing.RunningServer;
import java.net.http.HttpRequest;
import java.util.Set;

/**
 * Coverage-guided fuzzing of the REST API's JSON bodies, through the real server: any body on sign-in,
 * codes, users, portals, settings, chat requests and chat messages is either taken or refused with
 * a 4xx and {@code {"error":{"code","message"}}} whose sentence names no Java class; never a 500,
 * never a stack trace.
 */
class RestBodiesFuzzTest {
    private static final Set<Integer> ALLOWED = Set.of(200, 201, 202, 204, 400, 401, 403, 404, 409, 410, 413, 415, 429);
    private static RunningServer server;
    private static Api admin;
    private static String session;
    private static RawDevice phone;

    private static synchronized void prepare() {
        if (server != null) {
            return;
        }
        server = RunningServer.start();
        admin = server.admin();
        phone = RawDevice.connect(server);
        session = phone.join(admin.createCode("fuzzed"), "Ana").get("session").asText();
    }

    @FuzzTest(maxDuration = "12s")
    void anyBodyIsTakenOrRefusedWithASentence(FuzzedDataProvider input) throws Exception {
        prepare();
        String[][] routes = {
                {"POST", "/api/v1/auth/token"}, {"POST", "/api/v1/codes"}, {"POST", "/api/v1/users"},
                {"POST", "/api/v1/portals"}, {"PUT", "/api/v1/settings"}, {"POST", "/api/v1/portals/default/requests"},
                {"POST", "/api/v1/sessions/" + session + "/messages"}, {"PUT", "/api/v1/portals/default"},
                {"POST", "/api/v1/replies"}, {"POST", "/api/v1/portals/default/replies"},
                {"POST", "/api/v1/sessions/" + session + "/notes"}};
        String[] route = routes[input.consumeInt(0, routes.length - 1)];
        byte[] body = input.consumeRemainingAsBytes();
        HttpRequest.Builder request = admin.request(route[1]).header("Content-Type", "application/json")
                .method(route[0], HttpRequest.BodyPublishers.ofByteArray(body));
        Api.Response response = admin.send(request);
        assertThat(response.status()).as(route[1] + " " + response.body()).isIn(ALLOWED);
        if (response.status() >= 400) {
            JsonNode error = response.json().path("error");
            assertThat(error.path("code").asText()).as(response.body()).isNotBlank();
            String message = error.path("message").asText();
            assertThat(message).as(response.body()).isNotBlank();
            // A sentence may quote what was sent (a name, a slug): only a Java name the body did not hold is ours.
            String sent = new String(body, java.nio.charset.StandardCharsets.UTF_8);
            for (String javaName : new String[] {"java.", "Exception", "dev.tandem", "com.fasterxml", "JsonToken", "`"}) {
                if (!sent.contains(javaName)) {
                    assertThat(message).as(response.body()).doesNotContain(javaName);
                }
            }
        }
    }
}
