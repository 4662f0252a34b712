package dev.tandem.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.tandem.server.testing.Api;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Issue 16's acceptance: three {@code tandem server} processes on one PostgreSQL and one
 * {@code nats-server} behind HAProxy ({@link NodesUnderTest}).
 *
 * <p>The chat: the phone comes in through the proxy and its node owns the session; the
 * technician's REST calls go to a second node and the console feed is followed on the third, so
 * every message crosses the bus. While both sides keep chatting, the owner is killed with SIGKILL
 * (the phone is back on a surviving node within 15 s), started again (it takes nothing over), the
 * next owner is frozen with SIGSTOP (the proxy cuts its connections, the phone resumes elsewhere,
 * and the frozen node, woken, finds its writes fenced), and the owner after that is stopped with
 * SIGTERM (it hands the phone over). At the end every message acknowledged to its sender is in the
 * transcript exactly once — on the phone, over REST and in the console's feed.
 */
class SeveralNodesTest {
    /** The bound for every phone to be back after its node died. */
    private static final Duration BACK_WITHIN = Duration.ofSeconds(15);

    @Test
    void nodesThatDieFreezeOrStopLoseNothingAcknowledgedAndTheirPhoneResumesOnAnother() throws Exception {
        try (NodesUnderTest nodes = NodesUnderTest.start("a", "b", "c");
             ChatUnderFire chat = ChatUnderFire.begin(nodes.proxyUrl(), nodes.proxyUrl(), nodes.proxyUrl())) {
            String first = ownerOf(nodes, chat);
            List<String> others = othersThan(nodes, first);
            chat.technicianAt(nodes.baseUrl(others.get(0)));
            chat.consoleAt(nodes.baseUrl(others.get(1)));
            chat.chatFor(Duration.ofSeconds(3));
            awaitConsoleSaw(chat, chat.lastAcknowledged());

            // The owner dies mid-chat; the chat goes on.
            nodes.node(first).kill();
            chat.awaitResumes(1, BACK_WITHIN);
            chat.chatFor(Duration.ofSeconds(2));
            String second = ownerOf(nodes, chat);
            assertThat(second).as("a surviving node owns the session").isIn(others);

            // The dead node comes back and takes nothing over.
            nodes.node(first).restart();
            chat.chatFor(Duration.ofSeconds(3));
            assertThat(ownerOf(nodes, chat)).as("the restarted node took nothing over").isEqualTo(second);

            // The owner stalls (SIGSTOP): the proxy marks it down and cuts its connections, the phone
            // resumes elsewhere; woken up (SIGCONT), the stalled node finds its writes fenced.
            List<String> awake = othersThan(nodes, second);
            chat.technicianAt(nodes.baseUrl(awake.get(0)));
            chat.consoleAt(nodes.baseUrl(awake.get(1)));
            nodes.node(second).freeze();
            try {
                chat.awaitResumes(2, BACK_WITHIN);
                chat.chatFor(Duration.ofSeconds(1));
            } finally {
                nodes.node(second).thaw();
            }
            chat.chatFor(Duration.ofSeconds(3));
            String third = ownerOf(nodes, chat);
            assertThat(third).as("an awake node owns the session, the stalled one is fenced").isIn(awake);

            // A deploy: the owner is stopped with SIGTERM and hands the phone to another node.
            List<String> staying = othersThan(nodes, third);
            chat.technicianAt(nodes.baseUrl(staying.get(0)));
            chat.consoleAt(nodes.baseUrl(staying.get(1)));
            AtomicInteger exit = new AtomicInteger(-1);
            chat.chatWhile(() -> exit.set(nodes.node(third).terminate(30)));
            assertThat(exit.get()).as("exit code after SIGTERM (143: the JVM ends on the signal after its shutdown)").isIn(0, 143);
            chat.awaitResumes(3, BACK_WITHIN);
            chat.chatFor(Duration.ofSeconds(2));
            assertThat(ownerOf(nodes, chat)).as("the stopped node handed the session over").isIn(staying);

            String counts = chat.settleAndCheck();
            System.out.println("several nodes: " + counts);
            awaitConsoleSaw(chat, chat.lastAcknowledged());
        }
    }

    @Test
    void wrongCodesSpreadOverTheNodesAreCountedTogetherAndAQueuedMailIsSentOnce() throws Exception {
        int smtpPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            smtpPort = probe.getLocalPort();
        }
        try (NodesUnderTest nodes = NodesUnderTest.start(
                List.of("--smtp-url", "smtp://127.0.0.1:" + smtpPort, "--mail-retry", "1"), "a", "b", "c")) {
            List<String> ids = nodes.ids();
            for (int i = 0; i < 20; i++) {
                Api node = new Api(nodes.baseUrl(ids.get(i % ids.size())));
                assertThat(node.get("/api/v1/join/" + (100000000 + i)).status()).as("wrong code %d", i + 1).isEqualTo(404);
            }
            for (String id : ids) {
                Api.Response refused = new Api(nodes.baseUrl(id)).get("/api/v1/join/123456789");
                assertThat(refused.status()).as("the 21st wrong code, on node %s", id).isEqualTo(429);
                assertThat(refused.errorMessage()).contains("Too many wrong codes");
            }

            // SMTP is down: the invitation is stored (202) and every node's mail timer could retry it.
            Api technician = new Api(nodes.proxyUrl()).signIn("admin", ServerUnderTest.ADMIN_PASSWORD);
            String code = technician.createCode("mail across nodes");
            assertThat(technician.post("/api/v1/codes/" + code + "/email", "{\"to\":\"ana@example.test\"}").status())
                    .isEqualTo(202);
            NodesUnderTest.sleep(Duration.ofSeconds(2));
            GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            smtp.start();
            try {
                assertThat(smtp.waitForIncomingEmail(20_000, 1)).as("the queued invitation arrives").isTrue();
                NodesUnderTest.sleep(Duration.ofSeconds(4));
                assertThat(smtp.getReceivedMessages()).as("sent once by three nodes").hasSize(1);
            } finally {
                smtp.stop();
            }
        }
    }

    /** The node that owns the chat's session, as the REST API names it. */
    private static String ownerOf(NodesUnderTest nodes, ChatUnderFire chat) {
        Api.Response session = chat.technician().get("/api/v1/sessions/" + chat.sessionId()).expect(200);
        String owner = session.json().path("ownerNode").asText(null);
        assertThat(owner).as("the session names its owner node: %s", session.body()).isIn(nodes.ids());
        return owner;
    }

    private static List<String> othersThan(NodesUnderTest nodes, String id) {
        return nodes.ids().stream().filter(other -> !other.equals(id)).toList();
    }

    /** The console feed on another node than the owner gets the message through the bus. */
    private static void awaitConsoleSaw(ChatUnderFire chat, String text) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!chat.consoleSaw(text)) {
            assertThat(System.nanoTime()).as("the console on another node saw '%s'", text).isLessThan(deadline);
            NodesUnderTest.sleep(Duration.ofMillis(100));
        }
    }
}
