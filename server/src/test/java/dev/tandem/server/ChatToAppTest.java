package dev.tandem.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.agent.AgentSession;
import dev.tandem.agent.ResumeTicket;
import dev.tandem.agent.ServerAddress;
import dev.tandem.agent.SessionRequest;
import dev.tandem.protocol.message.Capabilities;
import dev.tandem.protocol.message.Capability;
import dev.tandem.protocol.message.DeviceInfo;
import dev.tandem.server.testing.AgentPhone;
import dev.tandem.server.testing.Api;
import dev.tandem.server.testing.RawDevice;
import dev.tandem.server.testing.RunningServer;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 18.1, from chat to the app, through the real doors: a portal request's browser chat is
 * invited to the app over REST, the real agent resumes THIS session with the link's one-time token
 * and its real capabilities, the browser is told the chat goes on in the app, and a token works
 * once, within its ten minutes, for a chat-only session only.
 */
class ChatToAppTest {
    private static final String WEB_CAPS = "{\"chat\":{\"available\":true},"
            + "\"diagnostics\":{\"available\":false,\"reason\":\"Chat only in the browser\"},"
            + "\"screen\":{\"available\":false,\"reason\":\"Chat only in the browser\"},"
            + "\"control\":{\"available\":false,\"reason\":\"Chat only in the browser\"}}";

    @Test
    void aBrowserChatContinuesInTheAppAsTheSameSessionWithTheScreenPossible() throws Exception {
        try (RunningServer server = RunningServer.start(); RawDevice browser = RawDevice.connect(server)) {
            Api tech = server.technician("rosa");
            JsonNode request = server.api().post("/api/v1/portals/default/requests",
                    "{\"name\":\"Ana\",\"description\":\"The printer is offline\"}").expect(201).json();
            String session = tech.post("/api/v1/requests/" + request.get("id").asText() + "/accept", "").expect(200)
                    .json().get("session").asText();
            browser.send(browserResume(session, request.get("token").asText()));
            browser.next("welcome");
            browser.chat(1, "It says paper jam");
            browser.next("ack");
            tech.post("/api/v1/sessions/" + session + "/messages", "{\"text\":\"Let us look at your phone\"}").expect(201);

            JsonNode invite = tech.post("/api/v1/sessions/" + session + "/app-invite", "").expect(201).json();
            String link = invite.get("link").asText();
            assertThat(invite.get("session").asText()).isEqualTo(session);
            assertThat(link).startsWith(server.server().baseUrl() + "/join/app/" + session + "/");
            // The line first, then the link (RawDevice.next skips what it is not waiting for).
            assertThat(browser.next(f -> "event.appInvited.customer".equals(f.path("key").asText()), "invite line")
                    .get("text").asText()).isEqualTo("rosa invited you to continue in the Tandem app: tap the link"
                    + " below on your Android phone.");
            assertThat(browser.next("appInvite").get("link").asText()).isEqualTo(link);
            String token = link.substring(link.lastIndexOf('/') + 1);
            // Where the link lands when Android did not open the app: open it, or get it.
            Api.Response page = server.api().get(link.substring(server.server().baseUrl().length()));
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("Continue in the Tandem app", "tandem://join/app/" + session + "/" + token);
            assertThat(tech.get("/api/v1/sessions/" + session + "/messages").body()).doesNotContain(token);

            AgentPhone phone = new AgentPhone();
            try (AgentSession app = AgentSession.create(SessionRequest.resume(ServerAddress.parse(server.baseUrl()),
                    new ResumeTicket(session, token), 0, "Ana", samsung(), everything()), phone)) {
                app.start();
                assertThat(phone.joined.get(5, TimeUnit.SECONDS)).isEqualTo(session);
                assertThat(browser.next("movedToApp")).isNotNull();
                assertThat(browser.awaitClose()).isEqualTo(4020);
                assertThat(browser.closeReason()).isEqualTo("The chat continues in the Tandem app.");

                AgentPhone.await(() -> phone.saw("It says paper jam") && phone.saw("Let us look at your phone")
                        && phone.saw("The chat continues in the Tandem app."), 10);
                JsonNode view = tech.get("/api/v1/sessions/" + session).expect(200).json();
                assertThat(view.get("status").asText()).isEqualTo("active");
                assertThat(view.at("/capabilities/screen").asBoolean()).isTrue();
                assertThat(view.at("/device/manufacturer").asText()).isEqualTo("samsung");
                List<String> lines = tech.get("/api/v1/sessions/" + session + "/messages").json().findValuesAsText("text");
                assertThat(lines).filteredOn("It says paper jam"::equals).hasSize(1);
                assertThat(lines).contains("Ana continued in the app on samsung SM-S918B.");
                assertThat(spanish(tech, "/api/v1/sessions/" + session + "/messages").findValuesAsText("text"))
                        .contains("Ana ha continuado en la aplicación desde samsung SM-S918B.");
                // The screen is possible now: the request reaches the phone.
                tech.post("/api/v1/sessions/" + session + "/screen", "{}").expect(202);
                // And an app that now shares the screen is not invited again.
                Api.Response again = tech.post("/api/v1/sessions/" + session + "/app-invite", "");
                assertThat(again.status()).isEqualTo(409);
                assertThat(again.errorCode()).isEqualTo("not_chat_only");
                assertThat(again.errorMessage()).contains("already in the app");

                try (RawDevice thief = RawDevice.connect(server)) {
                    thief.send(appResume(session, token));
                    assertThat(thief.awaitClose()).as("a token works once").isEqualTo(4014);
                    assertThat(thief.closeReason()).contains("already used or has expired");
                }
                try (RawDevice browserAgain = RawDevice.connect(server)) {
                    browserAgain.send(browserResume(session, request.get("token").asText()));
                    assertThat(browserAgain.awaitClose()).as("the browser's token stopped working").isEqualTo(4014);
                }
                JsonNode audit = server.admin().get("/api/v1/audit?session=" + session).expect(200).json();
                assertThat(audit.findValuesAsText("action")).contains("session.app-invited", "session.continued-in-app");
                assertThat(audit.toString()).doesNotContain(token);
            }
        }
    }

    @Test
    void anExpiredInviteIsRefusedAndTheChatGoesOn() throws Exception {
        try (RunningServer server = RunningServer.start(); RawDevice browser = RawDevice.connect(server)) {
            Api tech = server.technician("rosa");
            browser.send(RawDevice.hello(tech.createCode("expiry"), "Ana", "generic"));
            String session = browser.next("welcome").get("session").asText();
            String link = tech.post("/api/v1/sessions/" + session + "/app-invite", "").expect(201).json()
                    .get("link").asText();
            server.clock().advance(Duration.ofMinutes(11));
            try (RawDevice late = RawDevice.connect(server)) {
                late.send(appResume(session, link.substring(link.lastIndexOf('/') + 1)));
                assertThat(late.awaitClose()).isEqualTo(4014);
            }
            tech.post("/api/v1/sessions/" + session + "/messages", "{\"text\":\"still here\"}").expect(201);
            browser.chatWithText("still here");
            assertThat(browser.closeCode()).isEqualTo(-1);
        }
    }

    @Test
    void aPhoneThatSharesItsScreenOrIsAwayIsNotInvited() {
        try (RunningServer server = RunningServer.start(); RawDevice phone = RawDevice.connect(server)) {
            Api tech = server.technician("rosa");
            String session = phone.join(tech.createCode("full"), "Ana").get("session").asText();
            Api.Response refused = tech.post("/api/v1/sessions/" + session + "/app-invite", "");
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.errorCode()).isEqualTo("not_chat_only");

            RawDevice chat = RawDevice.connect(server);
            chat.send(RawDevice.hello(tech.createCode("away"), "Luis", "generic"));
            String chatOnly = chat.next("welcome").get("session").asText();
            chat.drop();
            waitUntilAway(tech, chatOnly);
            Api.Response away = tech.post("/api/v1/sessions/" + chatOnly + "/app-invite", "");
            assertThat(away.status()).isEqualTo(409);
            assertThat(away.errorCode()).isEqualTo("device_offline");
            assertThat(server.technician("marco").post("/api/v1/sessions/" + session + "/app-invite", "").status())
                    .as("only who may act on the session").isEqualTo(404);
        }
    }

    /** The server noticed the dropped connection (the session waits for the device to come back). */
    private static void waitUntilAway(Api tech, String session) {
        for (int i = 0; i < 250; i++) {
            if (!tech.get("/api/v1/sessions/" + session).expect(200).json().path("customerConnected").asBoolean()) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("The server never noticed the dropped connection");
    }

    /** The browser chat's resume hello (docs/requests.md step 5): a web device that can only chat. */
    private static String browserResume(String session, String token) {
        return "{\"type\":\"hello\",\"version\":1,\"resume\":{\"session\":" + Api.quote(session) + ",\"token\":"
                + Api.quote(token) + "},\"customerName\":\"Ana\",\"device\":{\"manufacturer\":\"Web browser\","
                + "\"model\":\"Chrome 131\",\"androidVersion\":null,\"apiLevel\":0,\"profile\":\"web\"},"
                + "\"capabilities\":" + WEB_CAPS + ",\"lastSeq\":0}";
    }

    /** The app's resume hello with an invite's token, as {@code AgentSession} sends it. */
    private static String appResume(String session, String token) {
        String yes = "{\"available\":true}";
        return "{\"type\":\"hello\",\"version\":1,\"resume\":{\"session\":" + Api.quote(session) + ",\"token\":"
                + Api.quote(token) + "},\"customerName\":\"Ana\",\"device\":{\"manufacturer\":\"samsung\","
                + "\"model\":\"SM-S918B\",\"androidVersion\":\"14\",\"apiLevel\":34,\"profile\":\"samsung\"},"
                + "\"capabilities\":{\"chat\":" + yes + ",\"diagnostics\":" + yes + ",\"screen\":" + yes
                + ",\"control\":" + yes + "},\"lastSeq\":0}";
    }

    private static DeviceInfo samsung() {
        return new DeviceInfo("samsung", "SM-S918B", "14", 34, "samsung");
    }

    private static Capabilities everything() {
        return new Capabilities(Capability.available(), Capability.available(), Capability.available(),
                Capability.available());
    }

    private static JsonNode spanish(Api api, String path) {
        HttpRequest.Builder request = api.request(path).header("Accept-Language", "es").GET();
        return api.send(request).json();
    }
}
