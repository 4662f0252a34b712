package dev.tandem.server.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CountsPerKeyTest {
    @Test
    void countsEachKeyApartAndForgetsAKeyAtZero() {
        CountsPerKey counts = new CountsPerKey();
        assertThat(counts.acquire("a")).isEqualTo(1);
        assertThat(counts.acquire("a")).isEqualTo(2);
        assertThat(counts.acquire("b")).isEqualTo(1);
        assertThat(counts.total()).isEqualTo(3);
        counts.release("a");
        counts.release("a");
        assertThat(counts.acquire("a")).as("a key that reached zero starts again at one").isEqualTo(1);
        counts.release("a");
        counts.release("b");
        assertThat(counts.total()).isZero();
    }

    @Test
    void manyThreadsOnOneKeyNeverLoseOrInventACount() throws Exception {
        CountsPerKey counts = new CountsPerKey();
        int threads = 8;
        int rounds = 20_000;
        AtomicInteger over = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < rounds; i++) {
                    // Each thread holds at most two at once, so no count can exceed twice the threads.
                    int first = counts.acquire("one-proxy");
                    int second = counts.acquire("one-proxy");
                    if (first > 2 * threads || second > 2 * threads || first < 1 || second < 2) {
                        over.incrementAndGet();
                    }
                    counts.release("one-proxy");
                    counts.release("one-proxy");
                }
            });
            thread.start();
            running.add(thread);
        }
        start.countDown();
        for (Thread thread : running) {
            thread.join();
        }
        assertThat(over.get()).as("counts outside what the threads held").isZero();
        assertThat(counts.total()).as("everything released").isZero();
        assertThat(counts.acquire("one-proxy")).as("the key was forgotten at zero").isEqualTo(1);
    }
}
