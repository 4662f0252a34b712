package dev.tandem.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HeartbeatTest {
    private static final long SECOND = Duration.ofSeconds(1).toNanos();

    @Test
    void pingsOnceAfterOneSilentPeriodAndGivesUpAfterThree() {
        Heartbeat heartbeat = new Heartbeat(15);
        heartbeat.heard(0);

        assertThat(heartbeat.check(14 * SECOND)).isEqualTo(Heartbeat.Verdict.ALIVE);
        assertThat(heartbeat.check(15 * SECOND)).isEqualTo(Heartbeat.Verdict.PING);
        assertThat(heartbeat.check(30 * SECOND)).as("one ping per silence").isEqualTo(Heartbeat.Verdict.ALIVE);
        assertThat(heartbeat.check(45 * SECOND - 1)).isEqualTo(Heartbeat.Verdict.ALIVE);
        assertThat(heartbeat.check(45 * SECOND)).isEqualTo(Heartbeat.Verdict.DEAD);
        assertThat(heartbeat.deadReason()).isEqualTo("Nothing heard from the server for 45 seconds.");
    }

    @Test
    void anyFrameResetsTheSilence() {
        Heartbeat heartbeat = new Heartbeat(1);
        heartbeat.heard(0);
        assertThat(heartbeat.check(SECOND)).isEqualTo(Heartbeat.Verdict.PING);
        heartbeat.heard(2 * SECOND);
        assertThat(heartbeat.check(2 * SECOND + SECOND / 2)).isEqualTo(Heartbeat.Verdict.ALIVE);
        assertThat(heartbeat.check(3 * SECOND)).as("may ping again in a new silence").isEqualTo(Heartbeat.Verdict.PING);
        assertThat(heartbeat.check(5 * SECOND)).isEqualTo(Heartbeat.Verdict.DEAD);
    }

    @Test
    void adoptsTheServersPeriodButNotNonsense() {
        Heartbeat heartbeat = new Heartbeat(15);
        assertThat(heartbeat.adopt(0)).isFalse();
        assertThat(heartbeat.adopt(-3)).isFalse();
        assertThat(heartbeat.adopt(15)).isFalse();
        assertThat(heartbeat.adopt(20)).isTrue();
        assertThat(heartbeat.periodSeconds()).isEqualTo(20);
        assertThat(heartbeat.checkInterval()).isEqualTo(Duration.ofSeconds(10));
    }
}
