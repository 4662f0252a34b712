package dev.tandem.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.server.ServerConfig.DatabaseSettings;
import dev.tandem.server.domain.Email;
import dev.tandem.server.domain.EmailStatus;
import dev.tandem.server.store.Database;
import dev.tandem.server.store.EmailStore;
import dev.tandem.server.testing.PostgresServer;
import dev.tandem.server.testing.RawDevice;
import dev.tandem.server.testing.RunningServer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What must happen once for the whole cluster (issue 16), with two nodes on one real PostgreSQL: the
 * timers run on one node (the advisory lock's holder) and move when it stops; a queued mail is sent
 * once when two nodes try it at the same moment; wrong-code guesses spread over the nodes add up.
 */
class ClusterTimersTest {

    @Test
    void oneNodeRunsTheTimersAndAnotherTakesOverWhenItStops() throws Exception {
        DatabaseSettings database = PostgresServer.shared().newDatabase();
        try (RunningServer a = SessionOwnershipTest.node(database, "node-a");
             RunningServer b = SessionOwnershipTest.node(database, "node-b")) {
            assertThat(a.server().leadsTimers()).isTrue();
            assertThat(b.server().leadsTimers()).isFalse();
            a.close();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!b.server().leadsTimers() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(b.server().leadsTimers()).as("node B leads once node A is gone").isTrue();
        }
    }

    @Test
    void twoNodesTryingOneQueuedMailAtOnceSendItOnce() throws Exception {
        DatabaseSettings settings = PostgresServer.shared().newDatabase();
        // Two pools on one database, as two nodes have.
        try (Database first = Database.open(settings); Database second = Database.open(settings)) {
            EmailStore onA = new EmailStore(first);
            EmailStore onB = new EmailStore(second);
            onA.insert(new Email("m_once", Optional.empty(), Optional.empty(), "invitation", "ana@example.com", "Hola",
                    EmailStatus.QUEUED, 0, Optional.empty(), Instant.now(), Optional.empty()),
                    "Subject: Hola\r\n\r\nhola\r\n".getBytes(StandardCharsets.UTF_8));
            AtomicInteger sent = new AtomicInteger();
            CountDownLatch sending = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Optional<EmailStore.Attempt>> byA = CompletableFuture.supplyAsync(() ->
                    onA.sendClaimed("m_once", email -> {
                        sent.incrementAndGet();
                        sending.countDown();
                        await(release);
                        return new EmailStore.Attempt(EmailStatus.SENT, null, Instant.now());
                    }));
            assertThat(sending.await(10, TimeUnit.SECONDS)).isTrue();
            // B retries while A is still talking to the SMTP server: the row is claimed, B skips it.
            Optional<EmailStore.Attempt> byB = onB.sendClaimed("m_once", email -> {
                sent.incrementAndGet();
                return new EmailStore.Attempt(EmailStatus.SENT, null, Instant.now());
            });
            assertThat(byB).isEmpty();
            release.countDown();
            assertThat(byA.get(10, TimeUnit.SECONDS)).hasValueSatisfying(a -> assertThat(a.status()).isEqualTo(EmailStatus.SENT));
            // And once it is sent, no later retry sends it again.
            assertThat(onB.sendClaimed("m_once", email -> {
                sent.incrementAndGet();
                return new EmailStore.Attempt(EmailStatus.SENT, null, Instant.now());
            })).isEmpty();
            assertThat(sent.get()).isEqualTo(1);
            assertThat(onB.find("m_once").orElseThrow().attempts()).isEqualTo(1);
        }
    }

    @Test
    void wrongCodeGuessesSpreadOverTwoNodesAreCountedTogether() {
        DatabaseSettings database = PostgresServer.shared().newDatabase();
        try (RunningServer a = SessionOwnershipTest.node(database, "node-a");
             RunningServer b = SessionOwnershipTest.node(database, "node-b")) {
            for (int i = 0; i < 20; i++) {
                RunningServer node = i % 2 == 0 ? a : b;
                try (RawDevice device = RawDevice.connect(node)) {
                    device.send(RawDevice.hello(String.valueOf(100000000 + i), "Ana", "samsung"));
                    assertThat(device.awaitClose()).as("guess " + (i + 1)).isEqualTo(4004);
                }
            }
            for (RunningServer node : new RunningServer[] {a, b}) {
                try (RawDevice device = RawDevice.connect(node)) {
                    device.send(RawDevice.hello("123456789", "Ana", "samsung"));
                    assertThat(device.awaitClose()).as("the 21st guess").isEqualTo(4029);
                }
                assertThat(node.api().get("/api/v1/join/123456789").status()).isEqualTo(429);
            }
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
