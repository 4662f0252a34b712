package dev.tandem.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReconnectScheduleTest {

    @Test
    void delaysStartAtHalfASecondDoubleAndStopAtTenSecondsWithJitter() {
        ReconnectSchedule schedule = new ReconnectSchedule(new Random(42));
        long[] ceilings = {500, 1000, 2000, 4000, 8000, 10_000, 10_000, 10_000};
        for (int round = 0; round < 200; round++) {
            for (int attempt = 1; attempt <= ceilings.length; attempt++) {
                long ceiling = ceilings[attempt - 1];
                assertThat(schedule.delayBefore(attempt))
                        .isBetween(Duration.ofMillis(ceiling / 2), Duration.ofMillis(ceiling));
            }
        }
        assertThat(schedule.delayBefore(1_000)).isLessThanOrEqualTo(ReconnectSchedule.LONGEST);
    }

    @Test
    void jitterSpreadsDevicesApart() {
        ReconnectSchedule schedule = new ReconnectSchedule(new Random(7));
        assertThat(java.util.stream.IntStream.range(0, 50).mapToObj(i -> schedule.delayBefore(4)).distinct().count())
                .isGreaterThan(10);
    }
}
