package dev.tandem.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.server.testing.Api;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 16's acceptance: three {@code tandem server} processes on one PostgreSQL and one
 * {@code nats-server} behind HAProxy. The phone comes in through the proxy and its node owns the
 * session; the technician's REST calls go to a second node and the console feed is followed on the
 * third, so every message crosses the bus. The owner is then killed with SIGKILL while both sides
 * keep chatting: the phone resumes through the proxy on a surviving node within 15 s and, at the
 * end, every message acknowledged to its sender is in the transcript exactly once — on the phone,
 * over REST and in the console's feed. The killed node, started again, takes nothing over; a node
 * stopped with SIGTERM hands its phone to another without losing a message.
 */
class SeveralNodesTest {
    /** The bound for every phone to be back after its node died. */
    private static final Duration BACK_WITHIN = Duration.ofSeconds(15);

    @Test
    void aNodeThatDiesOrStopsLosesNothingAcknowledgedAndItsPhoneResumesOnAnother() throws Exception {
        try (NodesUnderTest nodes = NodesUnderTest.start("a", "b", "c");
             ChatUnderFire chat = ChatUnderFire.begin(nodes.proxyUrl(), nodes.proxyUrl(), nodes.proxyUrl())) {
            String owner = ownerOf(nodes, chat);
            List<String> others = nodes.ids().stream().filter(id -> !id.equals(owner)).toList();
            chat.technicianAt(nodes.node(others.get(0)).baseUrl());
            chat.consoleAt(nodes.node(others.get(1)).baseUrl());
            chat.chatFor(Duration.ofSeconds(3));
            awaitConsoleSaw(chat, chat.lastAcknowledged());

            // The owner dies mid-chat; the chat goes on.
            nodes.node(owner).kill();
            chat.awaitResumes(1, BACK_WITHIN);
            chat.chatFor(Duration.ofSeconds(2));
            String heir = ownerOf(nodes, chat);
            assertThat(heir).as("a surviving node owns the session").isIn(others);

            // The dead node comes back and takes over nothing.
            nodes.node(owner).restart();
            chat.chatFor(Duration.ofSeconds(3));
            assertThat(ownerOf(nodes, chat)).as("the restarted node took nothing over").isEqualTo(heir);

            // A deploy: the owner is stopped with SIGTERM and hands the phone to another node.
            String stays = others.stream().filter(id -> !id.equals(heir)).findFirst().orElseThrow();
            chat.technicianAt(nodes.node(stays).baseUrl());
            chat.consoleAt(nodes.node(owner).baseUrl());
            chat.chatWhile(() -> nodes.node(heir).terminate(30));
            chat.awaitResumes(2, BACK_WITHIN);
            chat.chatFor(Duration.ofSeconds(2));
            assertThat(ownerOf(nodes, chat)).as("the stopped node handed the session over").isNotEqualTo(heir);

            String counts = chat.settleAndCheck();
            System.out.println("several nodes: " + counts);
            awaitConsoleSaw(chat, chat.lastAcknowledged());
        }
    }

    /** The node that owns the chat's session, as the REST API names it. */
    private static String ownerOf(NodesUnderTest nodes, ChatUnderFire chat) {
        Api.Response session = chat.technician().get("/api/v1/sessions/" + chat.sessionId()).expect(200);
        String owner = session.json().path("ownerNode").asText(null);
        assertThat(owner).as("the session names its owner node: %s", session.body()).isIn(nodes.ids());
        return owner;
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
