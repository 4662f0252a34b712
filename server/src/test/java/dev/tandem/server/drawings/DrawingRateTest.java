package dev.tandem.server.drawings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.server.testing.SettableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The pace of one session's drawings, on a clock the test moves. */
class DrawingRateTest {
    @Test
    void aBurstPassesThenThePaceRefillsWithTime() {
        SettableClock clock = new SettableClock();
        clock.freeze();
        DrawingRate rate = new DrawingRate(clock);
        for (int i = 0; i < DrawingRate.BURST; i++) {
            assertThat(rate.take()).as("drawing " + (i + 1)).isTrue();
        }
        assertThat(rate.take()).isFalse();
        clock.advance(Duration.ofMillis(100));
        assertThat(rate.take()).as("100 ms gives back 3").isTrue();
        assertThat(rate.take()).isTrue();
        assertThat(rate.take()).isTrue();
        assertThat(rate.take()).isFalse();
        clock.advance(Duration.ofMinutes(5));
        for (int i = 0; i < DrawingRate.BURST; i++) {
            assertThat(rate.take()).isTrue();
        }
        assertThat(rate.take()).as("never more than the burst").isFalse();
    }
}
