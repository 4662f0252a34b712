package dev.tandem.e2e.screen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.device.DeviceProfile;
import dev.tandem.e2e.NodesUnderTest;
import dev.tandem.server.testing.Api;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Issue 16's acceptance for the screen: with three nodes behind HAProxy the phone's node owns the
 * session; the technician asks for the screen and control on another node (carried to the owner
 * over the bus), and the viewer reaches the owner through the proxy on the session's
 * {@code ownerNode} hint (screen bytes never cross between nodes; a viewer that lands elsewhere is
 * told where with 4409). Updates flow and a swipe reaches the phone. Then the owner is killed: the
 * phone resumes on a surviving node, the screen is shared again there from the stored state, and a
 * new viewer gets updates.
 */
class ScreenAcrossNodesTest {
    @Test
    void theViewerReachesTheOwnerAndTheScreenIsSharedAgainAfterTheOwnerDies() throws Exception {
        try (NodesUnderTest nodes = NodesUnderTest.start("a", "b", "c")) {
            Api tech = new Api(nodes.proxyUrl()).signIn("admin", NodesUnderTest.ADMIN_PASSWORD);
            try (PhoneCustomer customer = PhoneCustomer.join(nodes.proxyUrl(), tech.createCode("screen across nodes"),
                    DeviceProfile.SAMSUNG)) {
                String session = customer.session();
                String owner = ownerNode(tech, session);
                String other = nodes.ids().stream().filter(id -> !id.equals(owner)).findFirst().orElseThrow();
                Api elsewhere = new Api(nodes.baseUrl(other)).withToken(tech.token());

                elsewhere.post("/api/v1/sessions/" + session + "/screen", "{\"control\":true}").expect(202);
                customer.phone.answer(customer.nextPrompt("control").id(), true);
                awaitScreen(elsewhere, session, "sharing", true);

                try (WsViewer lost = WsViewer.open(ws(nodes.baseUrl(other)), session, tech.token())) {
                    assertThat(lost.closeCode(Duration.ofSeconds(5))).as("a viewer on a node without the phone")
                            .isEqualTo(4409);
                }
                try (WsViewer viewer = viewerAt(nodes, tech, session, owner)) {
                    viewer.swipe(540, 5, 540, 1500);
                    awaitShade(customer, true);
                }

                nodes.kill(owner);
                String heir = awaitNewOwner(new Api(nodes.proxyUrl()).withToken(tech.token()), session, owner);
                Api survivor = new Api(nodes.baseUrl(heir)).withToken(tech.token());
                awaitScreen(survivor, session, "sharing", true);
                try (WsViewer viewer = viewerAt(nodes, tech, session, heir)) {
                    viewer.key(0x1008FF26); // XF86Back closes the shade
                    awaitShade(customer, false);
                }
            }
        }
    }

    /** A viewer through the proxy with the owner hint, past the handshake and its first update. */
    private static WsViewer viewerAt(NodesUnderTest nodes, Api tech, String session, String node) throws Exception {
        WsViewer viewer = WsViewer.open(ws(nodes.proxyUrl()), session, tech.token() + "&node=" + node).handshake();
        viewer.requestUpdate(false);
        assertThat(viewer.awaitUpdate(Duration.ofSeconds(10))).as("a first update through node %s", node).isNotNull();
        return viewer;
    }

    private static String ws(String httpUrl) {
        return httpUrl.replaceFirst("^http", "ws");
    }

    private static String ownerNode(Api tech, String session) {
        return tech.get("/api/v1/sessions/" + session).expect(200).json().path("ownerNode").asText();
    }

    private static String awaitNewOwner(Api tech, String session, String old) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            Api.Response answer = tech.get("/api/v1/sessions/" + session);
            if (answer.status() == 200) {
                String owner = answer.json().path("ownerNode").asText();
                if (!owner.isEmpty() && !owner.equals(old)) {
                    return owner;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("No surviving node took the session within 20 s of its owner's death");
    }

    private static void awaitScreen(Api tech, String session, String status, boolean control) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            Api.Response screen = tech.get("/api/v1/sessions/" + session + "/screen");
            last = screen.status() + " " + screen.body();
            if (screen.status() == 200 && status.equals(screen.json().path("status").asText())
                    && screen.json().path("control").asBoolean() == control) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("The screen did not become " + status + " (control " + control + "): " + last);
    }

    private static void awaitShade(PhoneCustomer customer, boolean open) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (customer.phone.ui().state().shadeOpen() != open) {
            assertThat(System.nanoTime()).as("the phone's shade %s", open ? "opened" : "closed").isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
