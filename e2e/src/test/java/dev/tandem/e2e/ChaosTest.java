package dev.tandem.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.tandem.server.ServerConfig.DatabaseSettings;
import dev.tandem.server.testing.Api;
import dev.tandem.server.testing.PostgresServer;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The real {@code tandem server} process is killed with SIGKILL at random moments while a
 * technician and a phone chat without pause, and started again on the same data: after every
 * restart the phone resumes by itself, and at the end every message that was acknowledged to its
 * sender is in the transcript exactly once, on the phone, over REST and in the console's feed, with
 * no gap or repeat in {@code seq}. On PostgreSQL the database itself is also stopped for 10 s (the
 * server answers 503 with a sentence meanwhile and recovers by itself), and mail queued while SMTP
 * was down is sent exactly once when it comes back.
 *
 * <p>Longer: {@code -Dtandem.chaos.kills=50} (default 10 on H2, 3 on PostgreSQL).
 */
class ChaosTest {
    private static final int KILLS = Integer.getInteger("tandem.chaos.kills", 10);
    private final Random random = new Random();

    @Test
    void killedAtRandomOnTheEmbeddedDatabaseTheServerLosesNothingItAcknowledged() throws Exception {
        try (ServerUnderTest server = ServerUnderTest.start();
             ChatUnderFire chat = ChatUnderFire.begin(server)) {
            killAtRandom(server, chat, KILLS);
            chat.chatFor(Duration.ofSeconds(2));
            String counts = chat.settleAndCheck();
            System.out.println("chaos (H2): " + counts);
            assertThat(chat.kills()).isGreaterThanOrEqualTo(Math.min(KILLS, 10));
        }
    }

    @Test
    void onPostgresKillsADatabaseOutageAndAnSmtpOutageLoseNothingAndSendMailOnce() throws Exception {
        PostgresServer postgres = PostgresServer.startPrivate();
        DatabaseSettings database = postgres.newDatabase();
        int smtpPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            smtpPort = probe.getLocalPort();
        }
        int kills = Math.max(3, KILLS / 3);
        try (ServerUnderTest server = ServerUnderTest.start("--db-url", database.jdbcUrl(), "--db-user", database.user(),
                "--smtp-url", "smtp://127.0.0.1:" + smtpPort, "--mail-retry", "1");
             ChatUnderFire chat = ChatUnderFire.begin(server)) {
            // SMTP is down: the invitation is stored (202) and waits.
            Api tech = chat.technician();
            String code = tech.createCode("mail while SMTP is down");
            Api.Response queued = tech.post("/api/v1/codes/" + code + "/email", "{\"to\":\"ana@example.test\"}");
            assertThat(queued.status()).isEqualTo(202);

            killAtRandom(server, chat, kills);
            chat.chatFor(Duration.ofSeconds(1));
            chat.chatWhile(() -> {
                postgres.stop();
                sleep(Duration.ofSeconds(10));
                postgres.start();
            });
            assertThat(chat.unavailableAnswers()).as("503 answers while PostgreSQL was down").isPositive();
            chat.chatFor(Duration.ofSeconds(3));
            String counts = chat.settleAndCheck();
            System.out.println("chaos (PostgreSQL): " + counts);

            GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            smtp.start();
            try {
                assertThat(smtp.waitForIncomingEmail(20_000, 1)).as("the queued invitation arrives").isTrue();
                sleep(Duration.ofSeconds(3));
                assertThat(smtp.getReceivedMessages()).as("and only once").hasSize(1);
                assertThat(smtp.getReceivedMessages()[0].getAllRecipients()[0].toString()).isEqualTo("ana@example.test");
            } finally {
                smtp.stop();
            }
        } finally {
            postgres.stopIfRunning();
        }
    }

    /** {@code kills} times: chat for a random moment, then SIGKILL and a restart while the chat goes on. */
    private void killAtRandom(ServerUnderTest server, ChatUnderFire chat, int kills) throws InterruptedException {
        for (int kill = 0; kill < kills; kill++) {
            chat.chatFor(Duration.ofMillis(400 + random.nextInt(1600)));
            chat.chatWhile(() -> {
                server.kill();
                server.restart();
            });
            chat.killedAndRestarted();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
