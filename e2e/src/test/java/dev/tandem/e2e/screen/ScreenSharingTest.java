package dev.tandem.e2e.screen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.device.DeviceProfile;
import dev.tandem.server.testing.Api;
import dev.tandem.server.testing.RunningServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Screen sharing end to end without a browser: a real server, a virtual phone running the real agent
 * in this JVM, and an RFB viewer on the server's viewer socket. Checks the customer's decisions
 * from the outside: no pixel before consent or after a stop, no input without control.
 */
class ScreenSharingTest {
    private static final Duration QUIET = Duration.ofMillis(1500);
    static RunningServer server;
    static Api tech;

    @BeforeAll
    static void start() {
        server = RunningServer.start();
        tech = server.technician("lucia");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private PhoneCustomer join(DeviceProfile profile) throws Exception {
        return PhoneCustomer.join(server.baseUrl(), tech.createCode("screen test"), profile);
    }

    private WsViewer viewer(String session) throws Exception {
        return WsViewer.open(server.wsUrl(""), session, tech.token()).handshake();
    }

    private JsonNode screen(String session) {
        return tech.get("/api/v1/sessions/" + session + "/screen").expect(200).json();
    }

    private void awaitScreen(String session, String status, boolean control) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        JsonNode now = screen(session);
        while (!(now.get("status").asText().equals(status) && now.get("control").asBoolean() == control)
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
            now = screen(session);
        }
        assertThat(now.get("status").asText()).isEqualTo(status);
        assertThat(now.get("control").asBoolean()).isEqualTo(control);
    }

    private List<String> systemLines(String session) {
        List<String> lines = new ArrayList<>();
        for (JsonNode m : tech.get("/api/v1/sessions/" + session + "/messages").expect(200).json()) {
            if (m.get("sender").asText().equals("system")) {
                lines.add(m.get("text").asText());
            }
        }
        return lines;
    }

    @Test
    void defaultPortalSharesWithANoticeAndControlIsAskedAndWorks() throws Exception {
        try (PhoneCustomer customer = join(DeviceProfile.SAMSUNG)) {
            String session = customer.session();
            assertThat(screen(session).get("status").asText()).isEqualTo("off");

            tech.post("/api/v1/sessions/" + session + "/screen", "{\"control\":false}").expect(202);
            assertThat(customer.nextSharing()).isEqualTo("screen=true,control=false"); // no question asked
            assertThat(customer.prompts).isEmpty();
            awaitScreen(session, "sharing", false);
            assertThat(customer.phone.ui().state().notifications()).anyMatch(n -> n.app().equals("Tandem"));

            try (WsViewer viewer = viewer(session)) {
                assertThat(viewer.width).isEqualTo(1080);
                assertThat(viewer.height).isEqualTo(2400);
                viewer.requestUpdate(false);
                assertThat(viewer.awaitUpdate(Duration.ofSeconds(5))).isNotNull();

                // View only: the swipe that opens the shade is dropped.
                viewer.swipe(540, 5, 540, 1500);
                Thread.sleep(QUIET.toMillis());
                assertThat(customer.phone.ui().state().shadeOpen()).isFalse();

                tech.post("/api/v1/sessions/" + session + "/screen", "{\"control\":true}").expect(202);
                customer.phone.answer(customer.nextPrompt("control").id(), true);
                awaitScreen(session, "sharing", true);

                viewer.swipe(540, 5, 540, 1500);
                viewer.requestUpdate(true);
                assertThat(viewer.awaitUpdate(Duration.ofSeconds(5))).as("the shade being drawn").isNotNull();
                assertThat(customer.phone.ui().state().shadeOpen()).isTrue();
                viewer.key(0x1008FF26); // XF86Back
                viewer.requestUpdate(true);
                assertThat(viewer.awaitUpdate(Duration.ofSeconds(5))).isNotNull();
                assertThat(customer.phone.ui().state().shadeOpen()).isFalse();
            }
            assertThat(systemLines(session)).anyMatch(l -> l.contains("is viewing Ana's screen"))
                    .anyMatch(l -> l.contains("asked to control the phone"))
                    .anyMatch(l -> l.contains("Ana allowed"));
        }
    }

    @Test
    void stoppingMidStreamClosesTheViewerAndNoPixelFollows() throws Exception {
        try (PhoneCustomer customer = join(DeviceProfile.LG)) {
            String session = customer.session();
            tech.post("/api/v1/sessions/" + session + "/screen", "{}").expect(202);
            awaitScreen(session, "sharing", false);
            try (WsViewer viewer = viewer(session)) {
                viewer.requestUpdate(false);
                assertThat(viewer.awaitUpdate(Duration.ofSeconds(5))).isNotNull();

                assertThat(customer.phone.stopSharing()).isTrue();
                long stoppedAt = System.nanoTime();
                customer.phone.ui().setBatteryPercent(12); // the screen changes after the stop
                viewer.requestUpdate(false);
                WsViewer.Update late = viewer.awaitUpdate(Duration.ofSeconds(2));
                if (late != null) {
                    // Only an update already on its way may arrive, and only within the second.
                    assertThat(Duration.ofNanos(System.nanoTime() - stoppedAt)).isLessThan(Duration.ofSeconds(1));
                    assertThat(viewer.awaitUpdate(Duration.ofSeconds(2))).isNull();
                }
                assertThat(viewer.closeCode(Duration.ofSeconds(5))).isEqualTo(4032);
            }
            awaitScreen(session, "off", false);
            assertThat(screen(session).get("stoppedByCustomer").asBoolean()).isTrue();
            assertThat(systemLines(session)).anyMatch(l -> l.contains("Ana stopped sharing the screen"));
            // A new viewer is refused until the technician asks again.
            try (WsViewer refused = WsViewer.open(server.wsUrl(""), session, tech.token())) {
                assertThat(refused.closeCode(Duration.ofSeconds(5))).isEqualTo(4032);
            }
        }
    }

    @Test
    void declinedScreenSendsNoPixelAndClosesTheWaitingViewer() throws Exception {
        server.admin().put("/api/v1/portals/default", "{\"name\":\"Default\",\"slug\":\"default\","
                + "\"askBeforeScreenSharing\":true,\"askBeforeDiagnostics\":true,\"allowChatRequests\":true,"
                + "\"codeLifetimeMinutes\":20}").expect(200);
        try (PhoneCustomer customer = join(DeviceProfile.SAMSUNG)) {
            String session = customer.session();
            tech.post("/api/v1/sessions/" + session + "/screen", "{}").expect(202);
            var prompt = customer.nextPrompt("screen");
            assertThat(screen(session).get("status").asText()).isEqualTo("pending");
            try (WsViewer viewer = viewer(session)) {
                viewer.requestUpdate(false);
                assertThat(viewer.awaitUpdate(QUIET)).as("pixels before the customer answered").isNull();
                customer.phone.answer(prompt.id(), false);
                assertThat(viewer.closeCode(Duration.ofSeconds(5))).isEqualTo(4031);
            }
            awaitScreen(session, "declined", false);
            assertThat(systemLines(session)).anyMatch(l -> l.contains("asked to see Ana's screen"))
                    .anyMatch(l -> l.contains("Ana declined to share the screen"));
        } finally {
            server.admin().put("/api/v1/portals/default", "{\"name\":\"Default\",\"slug\":\"default\","
                    + "\"askBeforeScreenSharing\":false,\"askBeforeDiagnostics\":true,\"allowChatRequests\":true,"
                    + "\"codeLifetimeMinutes\":20}").expect(200);
        }
    }

    @Test
    void aMalformedViewerIsClosedAloneWhileTheOtherKeepsWatching() throws Exception {
        try (PhoneCustomer customer = join(DeviceProfile.SAMSUNG)) {
            String session = customer.session();
            tech.post("/api/v1/sessions/" + session + "/screen", "{}").expect(202);
            awaitScreen(session, "sharing", false);
            try (WsViewer good = viewer(session); WsViewer bad = viewer(session)) {
                assertThat(screen(session).get("viewers").asInt()).isEqualTo(2);
                bad.send(new byte[] {99, 1, 2, 3});
                assertThat(bad.closeCode(Duration.ofSeconds(5))).isEqualTo(4000);

                good.requestUpdate(false);
                assertThat(good.awaitUpdate(Duration.ofSeconds(5))).isNotNull();
                customer.phone.ui().setBatteryPercent(33);
                good.requestUpdate(true);
                assertThat(good.awaitUpdate(Duration.ofSeconds(5))).isNotNull();
                assertThat(good.isOpen()).isTrue();
            }
        }
    }

    @Test
    void aChatOnlyPhoneSaysWhyInsteadOfSharing() throws Exception {
        try (PhoneCustomer customer = join(DeviceProfile.GENERIC)) {
            String session = customer.session();
            Api.Response refused = tech.post("/api/v1/sessions/" + session + "/screen", "{}");
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.errorCode()).isEqualTo("screen_unavailable");
            assertThat(refused.errorMessage()).isEqualTo(DeviceProfile.CHAT_ONLY_REASON);
            try (WsViewer viewer = WsViewer.open(server.wsUrl(""), session, tech.token())) {
                assertThat(viewer.closeCode(Duration.ofSeconds(5))).isEqualTo(4030);
            }
        }
    }

    @Test
    void anotherTechnicianCannotAttachAViewer() throws Exception {
        try (PhoneCustomer customer = join(DeviceProfile.SAMSUNG)) {
            String session = customer.session();
            tech.post("/api/v1/sessions/" + session + "/screen", "{}").expect(202);
            Api other = server.technician("mallory");
            assertThat(other.post("/api/v1/sessions/" + session + "/screen", "{}").status()).isEqualTo(404);
            try (WsViewer viewer = WsViewer.open(server.wsUrl(""), session, other.token())) {
                assertThat(viewer.closeCode(Duration.ofSeconds(5))).isEqualTo(4013);
            }
            try (WsViewer anonymous = WsViewer.open(server.wsUrl(""), session, "not-a-token")) {
                assertThat(anonymous.closeCode(Duration.ofSeconds(5))).isEqualTo(1008);
            }
        }
    }
}
