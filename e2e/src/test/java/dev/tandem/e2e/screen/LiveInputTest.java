package dev.tandem.e2e.screen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.device.DeviceProfile;
import dev.tandem.device.screen.PhoneState;
import dev.tandem.server.testing.Api;
import dev.tandem.server.testing.RunningServer;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The technician's input as the peers offer it, end to end: a viewer on the real server's viewer
 * socket drives the virtual phone running the real agent. The finger follows the mouse live, a held
 * button is a long press before it is released, the wheel scrolls, arrows and Tab and the Ctrl
 * shortcuts work, the clipboard goes both ways, input wakes a dark screen, and without control the
 * server and the phone drop all of it.
 */
class LiveInputTest {
    private static final int XK_TAB = 0xFF09;
    private static final int XK_LEFT = 0xFF51;
    private static final int XK_CONTROL = 0xFFE3;
    private static final int XK_HOME = 0xFF50;
    private static final int WHEEL_DOWN = 16;
    static RunningServer server;
    static Api tech;

    @BeforeAll
    static void start() {
        server = RunningServer.start();
        tech = server.technician("marta");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A phone sharing its screen with control granted, and a viewer through the handshake. */
    private record Controlled(PhoneCustomer customer, WsViewer viewer) implements AutoCloseable {
        PhoneState state() {
            return customer.phone.ui().state();
        }

        /** Waits (bounded) until the phone shows what {@code condition} expects; returns the state then. */
        PhoneState await(Predicate<PhoneState> condition) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            PhoneState now = state();
            while (!condition.test(now) && System.nanoTime() < deadline) {
                Thread.sleep(20);
                now = state();
            }
            return now;
        }

        @Override
        public void close() {
            viewer.close();
            customer.close();
        }
    }

    private Controlled controlled() throws Exception {
        PhoneCustomer customer = PhoneCustomer.join(server.baseUrl(), tech.createCode("live input"),
                DeviceProfile.SAMSUNG);
        String session = customer.session();
        tech.post("/api/v1/sessions/" + session + "/screen", "{\"control\":true}").expect(202);
        customer.phone.answer(customer.nextPrompt("control").id(), true);
        customer.nextSharing();
        WsViewer viewer = WsViewer.open(server.wsUrl(""), session, tech.token()).handshake();
        viewer.requestUpdate(false);
        assertThat(viewer.awaitUpdate(Duration.ofSeconds(5))).isNotNull();
        return new Controlled(customer, viewer);
    }

    @Test
    void theListFollowsADragBeforeTheButtonIsReleasedAndTheWheelScrollsIt() throws Exception {
        try (Controlled c = controlled()) {
            c.viewer.tap(675, 1464); // the Settings icon
            assertThat(c.await(s -> s.foregroundApp().isPresent()).foregroundApp()).isPresent();

            c.viewer.pointer(1, 540, 1500);
            c.viewer.pointer(1, 540, 1300);
            c.viewer.pointer(1, 540, 1100);
            assertThat(c.await(s -> s.settingsScroll() == 400).settingsScroll())
                    .as("scrolled while the button is still down").isEqualTo(400);
            c.viewer.pointer(0, 540, 1100);

            for (int i = 0; i < 3; i++) {
                c.viewer.pointer(WHEEL_DOWN, 540, 1500);
                c.viewer.pointer(0, 540, 1500);
            }
            // Each notch lands on its own: wait for all three (bounded), not for the first.
            assertThat(c.await(s -> s.settingsScroll() >= 400 + 3 * 60).settingsScroll()).isEqualTo(400 + 3 * 60);
        }
    }

    @Test
    void aHeldButtonIsALongPressWhileItIsStillDown() throws Exception {
        try (Controlled c = controlled()) {
            c.viewer.pointer(1, 405, 1150); // hold on the Messages icon
            assertThat(c.await(s -> s.menu().isPresent()).menu()).as("the icon's menu while held").isPresent();
            c.viewer.pointer(0, 405, 1150);
            Thread.sleep(300);
            assertThat(c.state().onHome()).as("the release after a long press opens nothing").isTrue();
        }
    }

    @Test
    void keysMoveTheCaretTabLeavesTheFieldAndTheClipboardGoesBothWays() throws Exception {
        try (Controlled c = controlled()) {
            c.viewer.tap(405, 1100); // Messages
            c.await(s -> s.foregroundApp().isPresent());
            c.viewer.key(XK_TAB); // focuses the text field
            assertThat(c.await(PhoneState::keyboardShown).keyboardShown()).isTrue();
            for (char ch : "Hola".toCharArray()) {
                c.viewer.key(ch);
            }
            c.viewer.key(XK_LEFT);
            c.viewer.key(XK_LEFT);
            c.viewer.key('!');
            assertThat(c.await(s -> s.text().equals("Ho!la")).text()).isEqualTo("Ho!la");

            // Technician -> phone: the viewer's clipboard lands on the phone, Ctrl+V pastes it.
            c.viewer.cutText("código 4711");
            c.viewer.keyEvent(true, XK_CONTROL);
            c.viewer.key('v');
            assertThat(c.await(s -> s.text().contains("4711")).text()).isEqualTo("Ho!código 4711la");
            assertThat(c.customer.phone.ui().clipboard().text()).isEqualTo("código 4711");

            // Phone -> technician: what is copied on the phone arrives as ServerCutText.
            c.viewer.key('a');
            c.viewer.key('c');
            c.viewer.keyEvent(false, XK_CONTROL);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (c.viewer.cutTexts.isEmpty() && System.nanoTime() < deadline) {
                c.viewer.requestUpdate(true);
                c.viewer.awaitUpdate(Duration.ofMillis(200));
            }
            assertThat(c.viewer.cutTexts).containsExactly("Ho!código 4711la");

            c.viewer.key(XK_TAB);
            assertThat(c.await(s -> !s.keyboardShown()).keyboardShown()).as("Tab leaves the field").isFalse();
        }
    }

    @Test
    void inputWakesADarkScreen() throws Exception {
        try (Controlled c = controlled()) {
            c.customer.phone.ui().sleep();
            c.viewer.key(XK_HOME);
            assertThat(c.await(PhoneState::screenOn).screenOn()).isTrue();
        }
    }

    @Test
    void withoutControlTheClipboardKeysWheelAndFingerAreDropped() throws Exception {
        try (PhoneCustomer customer = PhoneCustomer.join(server.baseUrl(), tech.createCode("view only"),
                DeviceProfile.SAMSUNG)) {
            String session = customer.session();
            tech.post("/api/v1/sessions/" + session + "/screen", "{\"control\":false}").expect(202);
            customer.nextSharing();
            customer.phone.ui().sleep();
            try (WsViewer viewer = WsViewer.open(server.wsUrl(""), session, tech.token()).handshake()) {
                viewer.requestUpdate(false);
                viewer.awaitUpdate(Duration.ofSeconds(5));
                viewer.cutText("should not arrive");
                viewer.pointer(WHEEL_DOWN, 540, 1500);
                viewer.pointer(1, 405, 1150);
                viewer.pointer(0, 405, 1150);
                viewer.key(XK_TAB);
                Thread.sleep(1000);
                viewer.requestUpdate(true);
                viewer.awaitUpdate(Duration.ofMillis(500));
            }
            assertThat(customer.phone.ui().clipboard().text()).isNull();
            assertThat(customer.phone.ui().state().screenOn()).isFalse();
            assertThat(customer.phone.ui().state().onHome()).isTrue();
        }
    }
}
