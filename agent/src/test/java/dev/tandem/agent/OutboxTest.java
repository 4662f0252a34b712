package dev.tandem.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutboxTest {

    @Test
    void numbersMessagesFromOneAndKeepsThemUntilSettled() {
        Outbox outbox = new Outbox();
        assertThat(outbox.add("a")).isEqualTo(1);
        assertThat(outbox.add("b")).isEqualTo(2);
        assertThat(outbox.add("c")).isEqualTo(3);

        assertThat(outbox.settle(2)).isTrue();
        assertThat(outbox.settle(2)).isFalse();
        assertThat(outbox.waiting()).containsExactly(java.util.Map.entry(1L, "a"), java.util.Map.entry(3L, "c"));
    }

    @Test
    void serverMarkKeepsWaitingMessagesForTheirAckAndNumbersAfterIt() {
        Outbox outbox = new Outbox();
        outbox.add("a");
        outbox.add("b");
        outbox.add("c");

        outbox.numberAfter(2);
        assertThat(outbox.waiting()).containsOnlyKeys(1L, 2L, 3L);
        assertThat(outbox.add("d")).isEqualTo(4);

        Outbox restarted = new Outbox();
        restarted.numberAfter(9);
        assertThat(restarted.add("after a restart")).isEqualTo(10);
    }
}
