package dev.tandem.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.server.testing.Api;
import dev.tandem.server.testing.RawDevice;
import dev.tandem.server.testing.RunningServer;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Session codes: shape, limits, single use, expiry, cancel, and the customer's join page. */
class CodesTest {
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
    void aNewCodeIsNineDigitsWithJoinUrlAndExpiry() {
        Api tech = server.technician("ana");
        JsonNode code = tech.post("/api/v1/codes", "{\"identifier\":\"Señora Pérez\",\"portal\":\"default\"}")
                .expect(201).json();
        assertThat(code.get("code").asText()).matches("\\d{9}");
        assertThat(code.get("url").asText()).isEqualTo(server.baseUrl() + "/join/" + code.get("code").asText());
        assertThat(code.get("identifier").asText()).isEqualTo("Señora Pérez");
        assertThat(code.get("portal").asText()).isEqualTo("default");
        assertThat(code.get("status").asText()).isEqualTo("waiting");
        Instant expires = Instant.parse(code.get("expiresAt").asText());
        assertThat(Duration.between(Instant.now(), expires)).isBetween(Duration.ofMinutes(19), Duration.ofMinutes(21));
        assertThat(tech.get("/api/v1/codes").json().get(0).get("code").asText()).isEqualTo(code.get("code").asText());
    }

    @Test
    void aTechnicianHasAtMostEightLiveCodes() {
        Api tech = server.technician("busy");
        for (int i = 0; i < 8; i++) {
            tech.createCode("c" + i);
        }
        Api.Response ninth = tech.post("/api/v1/codes", "{}");
        assertThat(ninth.status()).isEqualTo(409);
        assertThat(ninth.errorMessage()).contains("8 live codes");
        String first = tech.get("/api/v1/codes").json().get(0).get("code").asText();
        tech.delete("/api/v1/codes/" + first).expect(204);
        tech.post("/api/v1/codes", "{}").expect(201);
    }

    @Test
    void badInputIsRefusedClearly() {
        Api tech = server.technician("careful");
        assertThat(tech.post("/api/v1/codes", "{\"portal\":\"nope\"}").errorCode()).isEqualTo("unknown_portal");
        assertThat(tech.post("/api/v1/codes", "{\"identifier\":" + Api.quote("x".repeat(121)) + "}").status())
                .isEqualTo(400);
        assertThat(tech.post("/api/v1/codes", "{not json").status()).isEqualTo(400);
        assertThat(tech.post("/api/v1/codes", "{\"identifier\":5}").errorMessage()).contains("identifier");
    }

    @Test
    void aCodeIsSingleUse() {
        Api tech = server.technician("single");
        String code = tech.createCode("once");
        try (RawDevice first = RawDevice.connect(server); RawDevice second = RawDevice.connect(server)) {
            first.join(code, "Ana");
            second.send(RawDevice.hello(code, "Mallory", "samsung"));
            assertThat(second.awaitClose()).isEqualTo(4010);
            assertThat(second.closeReason()).contains("already been used");
        }
        assertThat(tech.get("/api/v1/codes").json().get(0).get("status").asText()).isEqualTo("joined");
    }

    @Test
    void cancelledAndExpiredCodesAreRefusedWithTheirReason() {
        try (RunningServer server = RunningServer.start()) {
            refusesCancelledAndExpiredCodes(server);
        }
    }

    private static void refusesCancelledAndExpiredCodes(RunningServer server) {
        Api tech = server.technician("expiring");
        String cancelled = tech.createCode("cancel me");
        tech.delete("/api/v1/codes/" + cancelled).expect(204);
        try (RawDevice device = RawDevice.connect(server)) {
            device.send(RawDevice.hello(cancelled, "Ana", "samsung"));
            assertThat(device.awaitClose()).isEqualTo(4012);
        }
        assertThat(tech.delete("/api/v1/codes/" + cancelled).status()).isEqualTo(409);

        String expiring = tech.createCode("slow customer");
        server.clock().advance(Duration.ofMinutes(21));
        try (RawDevice device = RawDevice.connect(server)) {
            device.send(RawDevice.hello(expiring, "Ana", "samsung"));
            assertThat(device.awaitClose()).isEqualTo(4011);
            assertThat(device.closeReason()).contains("expired");
        }
        Api.Response page = server.api().send(server.api().request("/join/" + expiring).GET());
        assertThat(page.status()).isEqualTo(410);
        assertThat(page.body()).contains("expired").contains("new code");
    }

    @Test
    void theJoinPageOffersTheAppTheStoreAndBrowserChatForALiveCode() {
        Api tech = server.technician("inviter");
        String code = tech.createCode("page");
        Api.Response page = server.api().get("/join/" + code).expect(200);
        assertThat(page.body()).contains("data-code=\"" + code + "\"").contains("tandem://join/" + code)
                .contains("play.google.com").contains("/assets/join.js");
        Api.Response spanish = server.api().send(server.api().request("/join/000000001")
                .header("Accept-Language", "es-ES").GET());
        assertThat(spanish.status()).isEqualTo(404);
        assertThat(spanish.body()).contains("Código no encontrado");
        Api.Response script = server.api().get("/assets/join.js").expect(200);
        assertThat(script.raw().headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(script.raw().headers().firstValue("Content-Type").orElse("")).contains("javascript");
        JsonNode check = server.api().get("/api/v1/join/" + code).expect(200).json();
        assertThat(check.get("status").asText()).isEqualTo("waiting");
        assertThat(check.get("technician").asText()).isEqualTo("inviter");
    }

    @Test
    void guessingCodesFromOneAddressIsRateLimited() {
        try (RunningServer own = RunningServer.start()) {
            for (int i = 0; i < 20; i++) {
                Api.Response miss = own.api().get("/api/v1/join/" + (100000000 + i));
                assertThat(miss.status()).isEqualTo(404);
            }
            Api.Response limited = own.api().get("/api/v1/join/123456789");
            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.errorMessage()).contains("Too many wrong codes");
            try (RawDevice device = RawDevice.connect(own)) {
                device.send(RawDevice.hello("123456789", "Ana", "samsung"));
                assertThat(device.awaitClose()).isEqualTo(4029);
            }
            HttpRequest.Builder page = own.api().request("/join/123456789").GET();
            assertThat(own.api().send(page).status()).isEqualTo(429);
        }
    }

    @Test
    void aClientIsCountedTheSameOnEveryDoorHoweverItsAddressIsSpelled() throws Exception {
        try (RunningServer own = RunningServer.start()) {
            int port = java.net.URI.create(own.baseUrl()).getPort();
            Api overIpv6 = new Api("http://[::1]:" + port);
            // Twenty wrong codes over IPv6 loopback, spread over the page, the API and the agent socket.
            for (int i = 0; i < 20; i++) {
                String wrong = String.valueOf(100000000 + i);
                switch (i % 3) {
                    case 0 -> assertThat(overIpv6.get("/api/v1/join/" + wrong).status()).isEqualTo(404);
                    case 1 -> assertThat(overIpv6.send(overIpv6.request("/join/" + wrong).GET()).status()).isEqualTo(404);
                    default -> {
                        try (RawDevice device = RawDevice.connect(java.net.URI.create("ws://[::1]:" + port + "/ws/agent"))) {
                            device.send(RawDevice.hello(wrong, "Ana", "samsung"));
                            assertThat(device.awaitClose()).isEqualTo(4004);
                        }
                    }
                }
            }
            assertThat(overIpv6.get("/api/v1/join/123456789").status()).isEqualTo(429);
            assertThat(overIpv6.send(overIpv6.request("/join/123456789").GET()).status()).isEqualTo(429);
            try (RawDevice device = RawDevice.connect(java.net.URI.create("ws://[0:0:0:0:0:0:0:1]:" + port + "/ws/agent"))) {
                device.send(RawDevice.hello("123456789", "Ana", "samsung"));
                assertThat(device.awaitClose()).isEqualTo(4029);
            }
            assertThat(new Api("http://127.0.0.1:" + port).get("/api/v1/join/123456789").status())
                    .as("IPv4 loopback is another client").isEqualTo(404);
        }
    }
}
