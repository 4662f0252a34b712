package dev.tandem.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.agent.AgentSession;
import dev.tandem.agent.ServerAddress;
import dev.tandem.agent.SessionRequest;
import dev.tandem.protocol.SessionCode;
import dev.tandem.protocol.message.Capabilities;
import dev.tandem.protocol.message.Capability;
import dev.tandem.protocol.message.DeviceInfo;
import dev.tandem.server.testing.AgentPhone;
import dev.tandem.server.testing.Api;
import dev.tandem.server.testing.RawDevice;
import dev.tandem.server.testing.RunningServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The real customer agent against the real server: connections drop, nothing is lost or doubled. */
class AgentReconnectTest {

    @Test
    void theAgentRidesOutAServerRestartWithoutLosingOrDoublingMessages() throws Exception {
        try (RunningServer server = RunningServer.start()) {
            Api tech = server.technician("rita");
            String code = tech.createCode("restart");
            AgentPhone phone = new AgentPhone();
            SessionRequest request = SessionRequest.join(ServerAddress.parse(server.baseUrl()),
                    SessionCode.parse(code).orElseThrow(), "Ana", new DeviceInfo("samsung", "SM-S918B", "14", 34, "samsung"),
                    new Capabilities(Capability.available(), Capability.available(), Capability.available(),
                            Capability.available()));
            try (AgentSession session = AgentSession.create(request, phone)) {
                session.start();
                String id = phone.joined.get(5, TimeUnit.SECONDS);
                session.send("before");
                await(() -> phone.saw("before"));

                server.restart();
                session.send("written while the server was down");
                phone.resumed.get(20, TimeUnit.SECONDS);
                Api again = server.api().signIn("rita", RunningServer.password("rita"));
                again.post("/api/v1/sessions/" + id + "/messages", "{\"text\":\"after the restart\"}").expect(201);
                await(() -> phone.saw("after the restart") && phone.saw("written while the server was down"));

                List<String> transcript = again.get("/api/v1/sessions/" + id + "/messages").json().findValuesAsText("text");
                assertThat(transcript).filteredOn("before"::equals).hasSize(1);
                assertThat(transcript).filteredOn("written while the server was down"::equals).hasSize(1);
                assertThat(phone.seen.stream().map(c -> c.seq).distinct().count()).isEqualTo(phone.seen.size());

                again.post("/api/v1/sessions/" + id + "/end", "").expect(200);
                assertThat(phone.ended.get(5, TimeUnit.SECONDS)).isEqualTo("technician");
            }
        }
    }

    @Test
    void aSilentDeviceIsDetectedByTheHeartbeatAndMayComeBack() {
        try (RunningServer server = RunningServer.start(c -> c.withTimings(Duration.ofSeconds(30), Duration.ofSeconds(1)))) {
            Api tech = server.technician("hugo");
            String code = tech.createCode("silent");
            try (RawDevice device = RawDevice.connect(server)) {
                var welcome = device.join(code, "Ana");
                assertThat(welcome.get("heartbeatSeconds").asInt()).isEqualTo(1);
                long started = System.nanoTime();
                assertThat(device.awaitClose()).isEqualTo(4408);
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(6));
                String id = welcome.get("session").asText();
                assertThat(tech.get("/api/v1/sessions/" + id).json().get("status").asText()).isEqualTo("active");
                try (RawDevice back = RawDevice.connect(server)) {
                    back.send(RawDevice.resume(id, welcome.get("resumeToken").asText(), 0));
                    back.next("welcome");
                }
            }
        }
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        AgentPhone.await(condition, 10);
    }

    @Test
    void theHeartbeatPingsEachPhoneOncePerIntervalInItsOwnSliceNotAllAtOnce() throws Exception {
        Duration beat = Duration.ofMillis(1500);
        try (RunningServer server = RunningServer.start(c -> c.withTimings(Duration.ofSeconds(30), beat))) {
            Api tech = server.technician("paula");
            List<RawDevice> phones = new java.util.ArrayList<>();
            try {
                for (int i = 0; i < 30; i++) {
                    RawDevice phone = RawDevice.connect(server).answeringPings();
                    phones.add(phone);
                    phone.join(tech.createCode("beat " + i), "Ana " + i);
                }
                long from = System.nanoTime() + beat.toNanos();
                long to = from + beat.toNanos();
                AgentPhone.await(() -> phones.stream().allMatch(p -> !p.pingsAt.isEmpty()
                        && p.pingsAt.get(p.pingsAt.size() - 1) >= to), 15);
                List<Long> round = new java.util.ArrayList<>();
                for (RawDevice phone : phones) {
                    // One ping per interval: a phone is not pinged again in the next slices.
                    for (int i = 1; i < phone.pingsAt.size(); i++) {
                        assertThat(Duration.ofNanos(phone.pingsAt.get(i) - phone.pingsAt.get(i - 1)))
                                .isGreaterThan(beat.dividedBy(2));
                    }
                    round.add(phone.pingsAt.stream().filter(at -> at >= from).findFirst().orElseThrow());
                }
                // The next round after all had joined: each phone's ping came in its own slice, spread
                // over the interval (when all were pinged at once, these were a few ms apart).
                long spread = round.stream().mapToLong(Long::longValue).max().orElseThrow()
                        - round.stream().mapToLong(Long::longValue).min().orElseThrow();
                assertThat(Duration.ofNanos(spread)).isGreaterThan(beat.dividedBy(3));
            } finally {
                phones.forEach(RawDevice::close);
            }
        }
    }
}
