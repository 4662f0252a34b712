package dev.tandem.server.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.server.domain.Role;
import dev.tandem.server.domain.User;
import dev.tandem.server.events.LocalEvents;
import dev.tandem.server.events.Outlet;
import dev.tandem.server.testing.NatsServer;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import dev.tandem.server.view.ChatRequestView;
import dev.tandem.server.view.MailReceiptView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Console events across two nodes over a real nats-server: each console gets each event once. */
class ClusterEventsTest {
    private static NatsServer nats;

    @BeforeAll
    static void startNats() {
        nats = NatsServer.start();
    }

    @AfterAll
    static void stopNats() {
        nats.close();
    }

    @Test
    void anEventReachesTheOwnersConsolesOnEveryNodeOnceAndNoOneElses() throws Exception {
        try (Bus busA = Bus.connect(nats.url(), "a"); Bus busB = Bus.connect(nats.url(), "b")) {
            LocalEvents localA = new LocalEvents(new ObjectMapper());
            LocalEvents localB = new LocalEvents(new ObjectMapper());
            ClusterEvents a = new ClusterEvents(localA, busA, id -> { });
            new ClusterEvents(localB, busB, id -> { });
            Frames ownerOnA = attach(localA, technician(7));
            Frames ownerOnB = attach(localB, technician(7));
            Frames adminOnB = attach(localB, new User(1, "admin", "Admin", Role.ADMIN, true));
            Frames otherOnB = attach(localB, technician(8));

            a.outboxChanged(7, new MailReceiptView("m1", "sent"));
            a.requestChanged("created", new ChatRequestView("r1", "help", "Help", "Ana", "No sound", null, null,
                    "waiting", "2026-12-06T08:00:00Z", "2026-12-06T09:00:00Z", 1, null, null));

            assertThat(ownerOnA.next()).contains("\"type\":\"outbox\"");
            assertThat(ownerOnA.next()).contains("\"type\":\"request\"");
            assertThat(ownerOnB.next()).contains("\"type\":\"outbox\"");
            assertThat(ownerOnB.next()).contains("\"type\":\"request\"");
            assertThat(adminOnB.next()).contains("\"type\":\"outbox\"");
            assertThat(otherOnB.next()).as("another technician gets only what every console gets")
                    .contains("\"type\":\"request\"");
            // Nothing comes twice: not back to node a (noEcho), not a second copy anywhere.
            busA.connected();
            Thread.sleep(300);
            assertThat(ownerOnA.frames).isEmpty();
            assertThat(ownerOnB.frames).isEmpty();
            assertThat(otherOnB.frames).isEmpty();
        }
    }

    @Test
    void aUserSignedOutOnOneNodeLosesTheirConsolesOnTheOthers() throws Exception {
        try (Bus busA = Bus.connect(nats.url(), "a"); Bus busB = Bus.connect(nats.url(), "b")) {
            LocalEvents localA = new LocalEvents(new ObjectMapper());
            LocalEvents localB = new LocalEvents(new ObjectMapper());
            ClusterEvents a = new ClusterEvents(localA, busA, id -> { });
            new ClusterEvents(localB, busB, id -> { });
            Frames onB = attach(localB, technician(7));
            Frames otherOnB = attach(localB, technician(8));

            a.disconnect(7, 1008, "Your account was disabled.");

            assertThat(onB.closed.poll(5, TimeUnit.SECONDS)).isEqualTo("1008 Your account was disabled.");
            assertThat(otherOnB.closed.poll(300, TimeUnit.MILLISECONDS)).isNull();
        }
    }

    @Test
    void aBusThatCannotBeReachedIsOneSentence() {
        assertThatThrownBy(() -> Bus.connect("nats://127.0.0.1:1", "a"))
                .isInstanceOf(Bus.BusUnavailableException.class)
                .hasMessage("Cannot reach NATS at nats://127.0.0.1:1: check --nats-url and that nats-server runs there.");
        assertThatThrownBy(() -> Bus.connect(nats.url(), "a b"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("node id");
    }

    private static User technician(long id) {
        return new User(id, "tech" + id, "Tech " + id, Role.TECHNICIAN, true);
    }

    private static Frames attach(LocalEvents events, User user) throws InterruptedException {
        Frames frames = new Frames();
        events.attach(user, frames);
        assertThat(frames.next()).contains("\"type\":\"hello\"");
        return frames;
    }

    /** A console's frames and its close, in place of a socket. */
    private static final class Frames implements Outlet {
        final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        final BlockingQueue<String> closed = new LinkedBlockingQueue<>();

        String next() throws InterruptedException {
            String frame = frames.poll(5, TimeUnit.SECONDS);
            assertThat(frame).as("a frame within 5 s").isNotNull();
            return frame;
        }

        @Override
        public boolean send(String text) {
            return frames.add(text);
        }

        @Override
        public boolean send(ByteBuffer bytes) {
            return true;
        }

        @Override
        public boolean ping() {
            return true;
        }

        @Override
        public void close(int code, String reason) {
            closed.add(code + " " + reason);
        }
    }
}
