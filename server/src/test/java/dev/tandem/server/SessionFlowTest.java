package dev.tandem.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.server.testing.Api;
import dev.tandem.server.testing.RawDevice;
import dev.tandem.server.testing.RunningServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A customer joins with a code, both sides chat, either side ends: through the real sockets and REST API. */
class SessionFlowTest {
    static RunningServer server;
    static Api tech;

    @BeforeAll
    static void start() {
        server = RunningServer.start();
        tech = server.technician("bob");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void customerJoinsAndTheTechnicianSeesWhoAndWhichPhone() {
        String code = tech.createCode("Ana García");
        try (RawDevice device = RawDevice.connect(server)) {
            JsonNode welcome = device.join(code, "Ana García");
            assertThat(welcome.get("session").asText()).startsWith("s_");
            assertThat(welcome.get("resumeToken").asText()).hasSizeGreaterThan(30);
            assertThat(welcome.get("technician").asText()).isEqualTo("bob");
            assertThat(device.next("chat").get("text").asText()).contains("Ana García").contains("SM-S918B");

            JsonNode session = tech.get("/api/v1/sessions/" + welcome.get("session").asText()).expect(200).json();
            assertThat(session.get("customerName").asText()).isEqualTo("Ana García");
            assertThat(session.get("identifier").asText()).isEqualTo("Ana García");
            assertThat(session.get("code").asText()).isEqualTo(code);
            assertThat(session.get("status").asText()).isEqualTo("active");
            assertThat(session.get("customerConnected").asBoolean()).isTrue();
            assertThat(session.at("/device/model").asText()).isEqualTo("SM-S918B");
            assertThat(session.at("/device/androidVersion").asText()).isEqualTo("14");
            assertThat(session.at("/capabilities/screen").asBoolean()).isTrue();
            assertThat(tech.get("/api/v1/codes").json().findValues("code").stream().map(JsonNode::asText))
                    .contains(code);
            assertThat(tech.get("/api/v1/sessions?status=active").json().findValuesAsText("id"))
                    .contains(welcome.get("session").asText());
        }
    }

    @Test
    void chatOnlyPhoneReportsWhyItCannotShareItsScreen() {
        String code = tech.createCode("generic phone");
        try (RawDevice device = RawDevice.connect(server)) {
            device.send(RawDevice.hello(code, "Luis", "generic"));
            String id = device.next("welcome").get("session").asText();
            JsonNode session = tech.get("/api/v1/sessions/" + id).json();
            assertThat(session.at("/capabilities/screen").asBoolean()).isFalse();
            assertThat(session.at("/capabilities/control").asBoolean()).isFalse();
            assertThat(session.at("/capabilityReasons/screen").asText()).contains("chat-only");
            assertThat(session.at("/capabilities/chat").asBoolean()).isTrue();
        }
    }

    @Test
    void thePhoneNamesTheStepTheCustomerIsOnAndTheViewCarriesIt() throws Exception {
        String code = tech.createCode("android phone");
        try (RawDevice device = RawDevice.connect(server)) {
            String id = device.join(code, "Marta").get("session").asText();
            device.send("{\"type\":\"capabilities\",\"capabilities\":{\"chat\":{\"available\":true},"
                    + "\"diagnostics\":{\"available\":true},\"screen\":{\"available\":true},"
                    + "\"control\":{\"available\":false,\"reason\":\"Android blocks it\","
                    + "\"code\":\"accessibility_restricted\"}}}");
            JsonNode session = tech.get("/api/v1/sessions/" + id).json();
            for (int i = 0; i < 100 && session.at("/capabilityCodes/control").isMissingNode(); i++) {
                Thread.sleep(50);
                session = tech.get("/api/v1/sessions/" + id).json();
            }
            assertThat(session.at("/capabilityCodes/control").asText()).isEqualTo("accessibility_restricted");
            assertThat(session.at("/capabilityReasons/control").asText()).isEqualTo("Android blocks it");
            assertThat(session.at("/capabilityCodes/screen").isMissingNode()).as("only missing ones").isTrue();
        }
    }

    @Test
    void bothSidesChatWithAccentsAndEmojiIntactAndTheTranscriptIsKept() {
        String code = tech.createCode("chat");
        try (RawDevice device = RawDevice.connect(server)) {
            String id = device.join(code, "Ana").get("session").asText();
            String fromTech = "Hola Ana, ¿puedes abrir Ajustes? Ñandú 👍 <b>not bold</b>";
            JsonNode posted = tech.post("/api/v1/sessions/" + id + "/messages", "{\"text\":" + Api.quote(fromTech) + "}")
                    .expect(201).json();
            assertThat(posted.get("sender").asText()).isEqualTo("technician");
            assertThat(posted.get("name").asText()).isEqualTo("bob");
            JsonNode received = device.chatWithText(fromTech);
            assertThat(received.get("sender").asText()).isEqualTo("technician");
            assertThat(received.get("seq").asLong()).isEqualTo(posted.get("seq").asLong());

            device.chat(1, "Sí, ya está abierta — gracias 😀");
            JsonNode ack = device.next("ack");
            assertThat(ack.get("cseq").asLong()).isEqualTo(1);
            assertThat(ack.get("seq").asLong()).isGreaterThan(posted.get("seq").asLong());

            JsonNode transcript = tech.get("/api/v1/sessions/" + id + "/messages").expect(200).json();
            assertThat(transcript.findValuesAsText("text")).containsSubsequence(fromTech, "Sí, ya está abierta — gracias 😀");
            assertThat(transcript.findValuesAsText("sender")).startsWith("system");
            long previous = 0;
            for (JsonNode entry : transcript) {
                assertThat(entry.get("seq").asLong()).isEqualTo(previous + 1);
                previous = entry.get("seq").asLong();
            }
        }
    }

    @Test
    void oversizedMessagesAreRefusedWithAClearMessageAndNothingIsStored() {
        String code = tech.createCode("long");
        try (RawDevice device = RawDevice.connect(server)) {
            String id = device.join(code, "Ana").get("session").asText();
            String tooLong = "é".repeat(4001);
            Api.Response refused = tech.post("/api/v1/sessions/" + id + "/messages", "{\"text\":" + Api.quote(tooLong) + "}");
            assertThat(refused.status()).isEqualTo(413);
            assertThat(refused.errorCode()).isEqualTo("message_too_long");
            assertThat(refused.errorMessage()).contains("4000");
            tech.post("/api/v1/sessions/" + id + "/messages", "{\"text\":" + Api.quote("😀".repeat(4000)) + "}").expect(201);
            tech.post("/api/v1/sessions/" + id + "/messages", "{\"text\":\"  \"}").expect(400);

            device.chat(1, "x".repeat(4001));
            JsonNode ack = device.next("ack");
            assertThat(ack.at("/error/code").asText()).isEqualTo("message_too_long");
            assertThat(ack.has("seq") && !ack.get("seq").isNull()).isFalse();
            assertThat(tech.get("/api/v1/sessions/" + id + "/messages").json().findValuesAsText("text"))
                    .noneMatch(t -> t.startsWith("xxxx") || t.startsWith("éé"));
        }
    }

    @Test
    void technicianEndsTheSessionAndTheDeviceIsToldAtOnce() {
        String code = tech.createCode("end");
        try (RawDevice device = RawDevice.connect(server)) {
            String id = device.join(code, "Ana").get("session").asText();
            JsonNode ended = tech.post("/api/v1/sessions/" + id + "/end", "").expect(200).json();
            assertThat(ended.get("status").asText()).isEqualTo("ended");
            assertThat(ended.get("endedBy").asText()).isEqualTo("technician");
            assertThat(device.next("end").get("by").asText()).isEqualTo("technician");
            assertThat(device.awaitClose()).isEqualTo(1000);
            assertThat(tech.post("/api/v1/sessions/" + id + "/messages", "{\"text\":\"hi\"}").status()).isEqualTo(410);
            assertThat(tech.get("/api/v1/sessions/" + id + "/messages").json().findValuesAsText("text"))
                    .anyMatch(t -> t.contains("ended the session"));
        }
    }

    @Test
    void customerLeavesAndTheSessionEndsByTheCustomer() {
        String code = tech.createCode("leave");
        try (RawDevice device = RawDevice.connect(server)) {
            String id = device.join(code, "Ana").get("session").asText();
            device.send("{\"type\":\"leave\"}");
            assertThat(device.awaitClose()).isEqualTo(1000);
            JsonNode session = tech.get("/api/v1/sessions/" + id).json();
            assertThat(session.get("status").asText()).isEqualTo("ended");
            assertThat(session.get("endedBy").asText()).isEqualTo("customer");
            assertThat(session.get("endedAt").isNull()).isFalse();
            assertThat(tech.get("/api/v1/sessions/" + id + "/messages").json().findValuesAsText("text"))
                    .anyMatch(t -> t.equals("Ana left the session."));
        }
    }

    @Test
    void anotherTechnicianCannotSeeOrTouchTheSessionAndNoTokenIsRefused() {
        Api eve = server.technician("eve");
        String code = tech.createCode("private");
        try (RawDevice device = RawDevice.connect(server)) {
            String id = device.join(code, "Ana").get("session").asText();
            assertThat(eve.get("/api/v1/sessions/" + id).status()).isEqualTo(404);
            assertThat(eve.get("/api/v1/sessions/" + id + "/messages").status()).isEqualTo(404);
            assertThat(eve.post("/api/v1/sessions/" + id + "/messages", "{\"text\":\"hi\"}").status()).isEqualTo(404);
            assertThat(eve.post("/api/v1/sessions/" + id + "/end", "").status()).isEqualTo(404);
            assertThat(eve.get("/api/v1/sessions").json().findValuesAsText("id")).doesNotContain(id);
            assertThat(eve.delete("/api/v1/codes/" + code).status()).isEqualTo(404);

            Api anonymous = server.api();
            assertThat(anonymous.get("/api/v1/sessions").status()).isEqualTo(401);
            assertThat(anonymous.get("/api/v1/sessions/" + id).status()).isEqualTo(401);
            assertThat(anonymous.post("/api/v1/codes", "{}").status()).isEqualTo(401);
            assertThat(anonymous.withToken("forged").get("/api/v1/codes").status()).isEqualTo(401);
            assertThat(anonymous.get("/api/v1/sessions").errorMessage()).contains("Sign in");

            Api admin = server.admin();
            assertThat(admin.get("/api/v1/sessions/" + id).status()).isEqualTo(200);
            assertThat(admin.get("/api/v1/sessions").expect(200).json().findValuesAsText("id")).contains(id);
            assertThat(admin.get("/api/v1/sessions?status=active").expect(200).json().findValuesAsText("id")).contains(id);
            assertThat(admin.get("/api/v1/codes").expect(200).json().findValuesAsText("code")).contains(code);
            admin.get("/api/v1/outbox").expect(200);
            assertThat(admin.get("/api/v1/sessions?status=bogus").status()).isEqualTo(400);
        }
    }
}
