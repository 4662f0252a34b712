package dev.tandem.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.server.testing.Api;
import dev.tandem.server.testing.EventSocket;
import dev.tandem.server.testing.RawDevice;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16's acceptance test, its first part: three {@code tandem server} processes on one
 * PostgreSQL and one {@code nats-server} behind HAProxy. A phone joins through HAProxy (the node it
 * lands on owns its session: "A"); the technician's REST calls go straight to another node ("B"),
 * their console to the third ("C"). Chat both ways reaches the phone, the database and the console.
 */
class ThreeNodesTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(150)
    void aPhoneOnOneNodeChatsWithATechnicianOnAnotherWatchedFromTheThird() {
        try (ClusterUnderTest cluster = ClusterUnderTest.start(dir, "node-a", "node-b", "node-c")) {
            Api admin = new Api(cluster.proxyUrl()).signIn("admin", ServerUnderTest.ADMIN_PASSWORD);
            admin.post("/api/v1/users", "{\"username\":\"nora\",\"password\":\"orange-kite-48213\","
                    + "\"displayName\":\"Nora\",\"role\":\"technician\"}").expect(201);
            Api viaProxy = new Api(cluster.proxyUrl()).signIn("nora", "orange-kite-48213");
            try (RawDevice phone = RawDevice.connect(URI.create(cluster.proxyUrl().replace("http", "ws") + "/ws/agent"))) {
                String session = phone.join(viaProxy.createCode("three nodes"), "Ana").get("session").asText();
                String a = viaProxy.get("/api/v1/sessions/" + session).expect(200).json().path("ownerNode").asText();
                List<String> others = cluster.nodeIds().stream().filter(id -> !id.equals(a)).toList();
                assertThat(others).as("the owner %s is one of the three", a).hasSize(2);
                Api onB = new Api(cluster.nodeUrl(others.get(0))).withToken(viaProxy.token());
                try (EventSocket consoleOnC = EventSocket.console(cluster.nodeUrl(others.get(1)).replace("http", "ws"),
                        viaProxy.token())) {
                    onB.post("/api/v1/sessions/" + session + "/messages", "{\"text\":\"hola, soy Nora\"}").expect(201);
                    assertThat(phone.chatWithText("hola, soy Nora").path("sender").asText()).isEqualTo("technician");
                    message(consoleOnC, "hola, soy Nora");

                    phone.chat(1, "gracias, no tengo sonido");
                    assertThat(phone.next("ack").path("cseq").asLong()).isEqualTo(1);
                    message(consoleOnC, "gracias, no tengo sonido");

                    assertThat(onB.get("/api/v1/sessions/" + session + "/messages").expect(200).json()
                            .findValuesAsText("text")).containsSubsequence("hola, soy Nora", "gracias, no tengo sonido");
                }
            }
        }
    }

    private static JsonNode message(EventSocket console, String text) {
        return console.next(f -> "message".equals(f.path("type").asText())
                && text.equals(f.path("message").path("text").asText()), "the message '" + text + "'");
    }
}
