package dev.tandem.agent.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.agent.AgentSession;
import dev.tandem.agent.MessageRefusedException;
import dev.tandem.agent.ResumeTicket;
import dev.tandem.agent.ServerAddress;
import dev.tandem.agent.SessionRequest;
import dev.tandem.agent.consent.ConsentKind;
import dev.tandem.agent.consent.ConsentLedger;
import dev.tandem.protocol.SessionCode;
import dev.tandem.protocol.TandemStatus;
import dev.tandem.protocol.message.Capabilities;
import dev.tandem.protocol.message.Capability;
import dev.tandem.protocol.message.DeviceInfo;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The agent against a real WebSocket server that plays the Tandem server's part (docs/protocol.md section 1). */
class AgentSessionTest {
    private static final DeviceInfo PHONE = new DeviceInfo("samsung", "SM-S918B", "14", 34, "samsung");
    private static final Capabilities EVERYTHING = new Capabilities(Capability.available(), Capability.available(),
            Capability.available(), Capability.available());
    private static final SessionCode CODE = SessionCode.parse("123 456 789").orElseThrow();
    private static final Duration NO_RETRY_WINDOW = Duration.ofMillis(800);

    private ScriptedPeer peer;
    private final RecordingListener events = new RecordingListener();
    private AgentSession session;

    @BeforeEach
    void openPeer() throws Exception {
        peer = ScriptedPeer.open();
    }

    @AfterEach
    void closeEverything() throws Exception {
        if (session != null) {
            session.close();
        }
        peer.close();
    }

    private void startJoining() {
        session = AgentSession.create(SessionRequest.join(ServerAddress.parse(peer.baseUrl()), CODE, "Ana", PHONE,
                EVERYTHING), events);
        session.start();
    }

    /** Joins, answers the hello with a welcome and waits until the listener heard it. */
    private PeerConnection joined(int heartbeatSeconds) throws Exception {
        startJoining();
        PeerConnection connection = peer.nextConnection();
        connection.expect("hello");
        connection.welcome("s_1", "tok-1", 0, heartbeatSeconds);
        events.expect("joined s_1 with Bob");
        return connection;
    }

    @Test
    void helloIntroducesTheDeviceAndTheWelcomeJoinsTheSession() throws Exception {
        startJoining();
        PeerConnection connection = peer.nextConnection();
        assertThat(peer.nextPath()).isEqualTo("/ws/agent");

        JsonNode hello = connection.expect("hello");
        assertThat(hello.path("version").asInt()).isEqualTo(1);
        assertThat(hello.path("code").asText()).isEqualTo("123456789");
        assertThat(hello.has("resume")).isFalse();
        assertThat(hello.path("customerName").asText()).isEqualTo("Ana");
        assertThat(hello.path("device").path("manufacturer").asText()).isEqualTo("samsung");
        assertThat(hello.path("device").path("model").asText()).isEqualTo("SM-S918B");
        assertThat(hello.path("device").path("apiLevel").asInt()).isEqualTo(34);
        assertThat(hello.path("capabilities").path("screen").path("available").asBoolean()).isTrue();
        assertThat(hello.path("lastSeq").asLong()).isZero();
        // The phone's language, so that the server words its lines and questions in it.
        assertThat(hello.path("language").asText()).isEqualTo(java.util.Locale.getDefault().getLanguage());

        connection.welcome("s_1", "tok-1", 0, 15);
        events.expect("joined s_1 with Bob");
        assertThat(events.callbackThread.getName()).startsWith("tandem-session-");
    }

    @Test
    void customerMessagesAreNumberedAndConfirmedOnce() throws Exception {
        PeerConnection connection = joined(15);

        assertThat(session.send("Hola, ¿me ayudas?")).isEqualTo(1);
        assertThat(session.send("Second")).isEqualTo(2);
        JsonNode first = connection.expect("chat");
        assertThat(first.path("cseq").asLong()).isEqualTo(1);
        assertThat(first.path("text").asText()).isEqualTo("Hola, ¿me ayudas?");
        assertThat(connection.expect("chat").path("cseq").asLong()).isEqualTo(2);

        connection.ack(1, 17);
        events.expect("delivered 1 as 17");
        connection.ack(2, 18);
        events.expect("delivered 2 as 18");
        connection.ack(1, 17);
        events.assertQuietFor(Duration.ofMillis(200));
    }

    @Test
    void messagesWrittenWhileJoiningWaitForTheWelcome() throws Exception {
        startJoining();
        assertThat(session.send("I need help")).isEqualTo(1);
        PeerConnection connection = peer.nextConnection();
        connection.expect("hello");
        connection.assertNothingSentWithin(Duration.ofMillis(200));

        connection.welcome("s_1", "tok-1", 0, 15);
        assertThat(connection.expect("chat").path("text").asText()).isEqualTo("I need help");
    }

    @Test
    void messageTheServerRefusesIsReportedAndNeverResent() throws Exception {
        PeerConnection connection = joined(15);
        session.send("a message the server will not take");
        connection.expect("chat");
        connection.refuse(1, "message_too_long", "Too long.");
        events.expect("message refused 1 message_too_long: Too long.");

        connection.close(1001, "Server restarting");
        events.expect("reconnecting 1");
        PeerConnection second = peer.nextConnection();
        second.expect("hello");
        second.welcome("s_1", "tok-1", 0, 15);
        events.expect("resumed s_1");
        second.assertNothingSentWithin(Duration.ofMillis(300));
    }

    @Test
    void wrongCodeIsRefusedWithTheServersSentenceAndNotRetried() throws Exception {
        startJoining();
        PeerConnection connection = peer.nextConnection();
        connection.expect("hello");
        connection.close(4004, "There is no session with this code.");

        events.expect("refused CODE_NOT_FOUND: There is no session with this code.");
        peer.assertNoConnectionWithin(NO_RETRY_WINDOW);
    }

    @Test
    void refusalWithoutReasonUsesTheStatusSentence() throws Exception {
        startJoining();
        PeerConnection connection = peer.nextConnection();
        connection.expect("hello");
        connection.close(4011, "");

        events.expect("refused CODE_EXPIRED: " + TandemStatus.CODE_EXPIRED.message());
        assertThatThrownBy(() -> session.send("too late"))
                .isInstanceOfSatisfying(MessageRefusedException.class,
                        e -> assertThat(e.code()).isEqualTo(MessageRefusedException.SESSION_OVER));
    }

    @Test
    void finalCloseAfterJoiningStopsTheSession() throws Exception {
        PeerConnection connection = joined(15);
        connection.close(4020, "The session was resumed from another connection.");

        events.expect("refused REPLACED: The session was resumed from another connection.");
        peer.assertNoConnectionWithin(NO_RETRY_WINDOW);
    }

    @Test
    void droppedConnectionResumesWithTheTicketAndResendsEveryUnconfirmedMessageInOrder() throws Exception {
        PeerConnection connection = joined(15);
        connection.chat(5, "technician", "Bob", "Hi Ana");
        assertThat(connection.expect("ack").path("seq").asLong()).isEqualTo(5);
        events.expect("chat 5 technician Bob: Hi Ana");
        session.send("one");
        session.send("two");
        session.send("three");
        connection.expect("chat");
        connection.expect("chat");
        connection.expect("chat");
        connection.ack(1, 6);
        events.expect("delivered 1 as 6");

        connection.drop();
        events.expect("reconnecting 1");
        assertThat(events.lastReconnectDelay).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
        assertThat(session.send("four")).isEqualTo(4);

        PeerConnection second = peer.nextConnection();
        JsonNode hello = second.expect("hello");
        assertThat(hello.path("resume").path("session").asText()).isEqualTo("s_1");
        assertThat(hello.path("resume").path("token").asText()).isEqualTo("tok-1");
        assertThat(hello.has("code")).isFalse();
        assertThat(hello.path("lastSeq").asLong()).isEqualTo(5);

        second.welcome("s_1", "tok-2", 2, 15); // the server stored "two" before the drop
        events.expect("resumed s_1");
        JsonNode two = second.expect("chat");
        assertThat(two.path("cseq").asLong()).as("re-sent so its ack tells its seq").isEqualTo(2);
        second.ack(2, 7);
        events.expect("delivered 2 as 7");
        JsonNode three = second.expect("chat");
        assertThat(three.path("cseq").asLong()).isEqualTo(3);
        assertThat(three.path("text").asText()).isEqualTo("three");
        JsonNode four = second.expect("chat");
        assertThat(four.path("cseq").asLong()).isEqualTo(4);
        assertThat(four.path("text").asText()).isEqualTo("four");
        second.assertNothingSentWithin(Duration.ofMillis(200));
        second.ack(3, 8);
        events.expect("delivered 3 as 8");

        second.drop();
        events.expect("reconnecting 1");
        PeerConnection third = peer.nextConnection();
        assertThat(third.expect("hello").path("resume").path("token").asText()).isEqualTo("tok-2");
    }

    @Test
    void replayedTranscriptIsAcknowledgedButShownOnce() throws Exception {
        PeerConnection connection = joined(15);
        connection.chat(1, "system", "Tandem", "Ana joined the session.");
        connection.chat(2, "technician", "Bob", "Hello");
        events.expect("chat 1 system Tandem: Ana joined the session.");
        events.expect("chat 2 technician Bob: Hello");

        connection.drop();
        events.expect("reconnecting 1");
        PeerConnection second = peer.nextConnection();
        assertThat(second.expect("hello").path("lastSeq").asLong()).isEqualTo(2);
        second.welcome("s_1", "tok-1", 0, 15);
        events.expect("resumed s_1");
        second.chat(1, "system", "Tandem", "Ana joined the session.");
        second.chat(2, "technician", "Bob", "Hello");
        second.chat(3, "customer", "Ana", "Hi!");

        assertThat(second.expect("ack").path("seq").asLong()).isEqualTo(1);
        assertThat(second.expect("ack").path("seq").asLong()).isEqualTo(2);
        assertThat(second.expect("ack").path("seq").asLong()).isEqualTo(3);
        events.expect("chat 3 customer Ana: Hi!");
        events.assertQuietFor(Duration.ofMillis(200));
    }

    @Test
    void pingIsAnsweredWithPong() throws Exception {
        PeerConnection connection = joined(15);
        connection.send(PeerConnection.message("ping"));
        connection.expect("pong");
    }

    @Test
    void silentServerIsPingedThenGivenUpAndRejoined() throws Exception {
        PeerConnection connection = joined(1);
        long silentSince = System.nanoTime();

        connection.expect("ping");
        assertThat(connection.awaitClose()).isEqualTo(TandemStatus.HEARTBEAT_TIMEOUT.closeCode());
        events.expect("reconnecting 1");
        Duration silence = Duration.ofNanos(System.nanoTime() - silentSince);
        assertThat(silence).isBetween(Duration.ofMillis(2900), Duration.ofMillis(4500));

        PeerConnection second = peer.nextConnection();
        assertThat(second.expect("hello").path("resume").path("token").asText()).isEqualTo("tok-1");
    }

    @Test
    void technicianEndingTheSessionStopsTheAgent() throws Exception {
        PeerConnection connection = joined(15);
        connection.send(PeerConnection.message("end").put("by", "technician").put("reason", "Problem solved"));

        events.expect("ended by technician: Problem solved");
        assertThat(connection.awaitClose()).isEqualTo(1000);
        peer.assertNoConnectionWithin(NO_RETRY_WINDOW);
    }

    @Test
    void anEndThatCarriesASurveyOffersItJustBeforeTheEndWithoutShowingItsToken() throws Exception {
        PeerConnection connection = joined(15);
        String token = "AbCdEfGhIjKlMnOpQrStUvWxYz012345";
        connection.send(PeerConnection.message("end").put("by", "technician").put("survey", token));

        String offered = events.next();
        assertThat(offered).isEqualTo("survey offered SatisfactionSurvey[" + peer.baseUrl() + "]").doesNotContain(token);
        events.expect("ended by technician");
    }

    @Test
    void aSurveyTokenThatIsNotOneIsIgnored() throws Exception {
        PeerConnection connection = joined(15);
        connection.send(PeerConnection.message("end").put("by", "technician").put("survey", "../../auth/token?x=1"));

        events.expect("ended by technician");
    }

    @Test
    void leavingTellsTheServerAndEndsTheSessionByTheCustomer() throws Exception {
        PeerConnection connection = joined(15);
        session.send("Thanks, bye");
        connection.expect("chat");

        session.leave();
        connection.expect("leave");
        assertThatThrownBy(() -> session.send("one more"))
                .isInstanceOfSatisfying(MessageRefusedException.class,
                        e -> assertThat(e.code()).isEqualTo(MessageRefusedException.SESSION_OVER));
        connection.send(PeerConnection.message("end").put("by", "customer"));
        connection.close(1000, "");

        events.expect("ended by customer");
        peer.assertNoConnectionWithin(NO_RETRY_WINDOW);
    }

    @Test
    void leavingWhileDisconnectedEndsAtOnce() throws Exception {
        PeerConnection connection = joined(15);
        connection.drop();
        events.expect("reconnecting 1");

        session.leave();
        events.expect("ended by customer");
        peer.assertNoConnectionWithin(NO_RETRY_WINDOW);
    }

    @Test
    void oversizedOrBlankMessagesAreRefusedWithoutSending() throws Exception {
        PeerConnection connection = joined(15);
        String emoji = "😀";
        String tooLong = emoji.repeat(4001);

        assertThatThrownBy(() -> session.send(tooLong))
                .isInstanceOfSatisfying(MessageRefusedException.class, e -> {
                    assertThat(e.code()).isEqualTo("message_too_long");
                    assertThat(e.getMessage()).contains("4,001").contains("4,000");
                });
        assertThatThrownBy(() -> session.send("  \n "))
                .isInstanceOfSatisfying(MessageRefusedException.class,
                        e -> assertThat(e.code()).isEqualTo("message_empty"));
        connection.assertNothingSentWithin(Duration.ofMillis(200));

        assertThat(session.send(emoji.repeat(4000))).isEqualTo(1);
        assertThat(connection.expect("chat").path("text").asText()).hasSize(8000);
    }

    @Test
    void consentPromptsAreAnsweredRecordedAndWithdrawn() throws Exception {
        PeerConnection connection = joined(15);
        ConsentLedger ledger = session.consent();

        connection.prompt("p_1", "screen", "Share your screen with Bob?");
        events.expect("prompt p_1 SCREEN: Share your screen with Bob?");
        assertThat(session.answer("p_1", true)).isTrue();
        JsonNode answer = connection.expect("answer");
        assertThat(answer.path("id").asText()).isEqualTo("p_1");
        assertThat(answer.path("granted").asBoolean()).isTrue();
        assertThat(ledger.isGranted(ConsentKind.SCREEN)).isTrue();
        assertThat(session.answer("p_1", false)).as("answered already").isFalse();

        connection.prompt("p_2", "control", "Let Bob control your phone?");
        events.expect("prompt p_2 CONTROL: Let Bob control your phone?");
        session.answer("p_2", false);
        assertThat(connection.expect("answer").path("granted").asBoolean()).isFalse();
        assertThat(ledger.decision(ConsentKind.CONTROL)).isEqualTo(ConsentLedger.Decision.DECLINED);

        connection.prompt("p_3", "diagnostics", "Share device information?");
        events.expect("prompt p_3 DIAGNOSTICS: Share device information?");
        connection.send(PeerConnection.message("promptClosed").put("id", "p_3"));
        events.expect("prompt closed p_3");
        assertThat(session.answer("p_3", true)).isFalse();
        assertThat(ledger.decision(ConsentKind.DIAGNOSTICS)).isEqualTo(ConsentLedger.Decision.NOT_ASKED);

        connection.prompt("p_4", "camera", "Open the camera?");
        JsonNode declined = connection.expect("answer");
        assertThat(declined.path("id").asText()).isEqualTo("p_4");
        assertThat(declined.path("granted").asBoolean()).isFalse();
        events.assertQuietFor(Duration.ofMillis(200));

        assertThat(session.stopSharing()).isTrue();
        assertThat(ledger.isGranted(ConsentKind.SCREEN)).isFalse();
        assertThat(ledger.decision(ConsentKind.SCREEN)).isEqualTo(ConsentLedger.Decision.STOPPED);
    }

    @Test
    void answerGivenWhileDisconnectedIsSentAfterTheResume() throws Exception {
        PeerConnection connection = joined(15);
        connection.prompt("p_1", "logs", "Send your log files to Bob?");
        events.expect("prompt p_1 LOGS: Send your log files to Bob?");
        connection.drop();
        events.expect("reconnecting 1");

        assertThat(session.answer("p_1", true)).isTrue();
        assertThat(session.consent().isGranted(ConsentKind.LOGS)).isTrue();
        PeerConnection second = peer.nextConnection();
        second.expect("hello");
        second.welcome("s_1", "tok-1", 0, 15);
        JsonNode answer = second.expect("answer");
        assertThat(answer.path("id").asText()).isEqualTo("p_1");
        assertThat(answer.path("granted").asBoolean()).isTrue();
    }

    @Test
    void capabilityChangesAreReported() throws Exception {
        PeerConnection connection = joined(15);
        session.updateCapabilities(new Capabilities(Capability.available(), Capability.available(),
                Capability.missing("Screen sharing is switched off"), Capability.missing("Accessibility is off")));

        JsonNode update = connection.expect("capabilities");
        assertThat(update.path("capabilities").path("screen").path("available").asBoolean()).isFalse();
        assertThat(update.path("capabilities").path("screen").path("reason").asText())
                .isEqualTo("Screen sharing is switched off");
        assertThat(update.path("capabilities").path("chat").path("available").asBoolean()).isTrue();
    }

    @Test
    void resumingFromAStoredTicketContinuesTheNumbering() throws Exception {
        session = AgentSession.create(SessionRequest.resume(ServerAddress.parse(peer.baseUrl()),
                new ResumeTicket("s_9", "tok-9"), 7, "Ana", PHONE, EVERYTHING), events);
        session.start();
        PeerConnection connection = peer.nextConnection();
        JsonNode hello = connection.expect("hello");
        assertThat(hello.path("resume").path("session").asText()).isEqualTo("s_9");
        assertThat(hello.path("lastSeq").asLong()).isEqualTo(7);
        assertThat(hello.has("code")).isFalse();

        connection.welcome("s_9", "tok-10", 4, 15);
        events.expect("joined s_9 with Bob");
        assertThat(session.send("after the restart")).isEqualTo(5);
        assertThat(connection.expect("chat").path("cseq").asLong()).isEqualTo(5);
    }

    @Test
    void unreachableServerFailsAtOnceWithoutRetrying() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        session = AgentSession.create(SessionRequest.join(ServerAddress.parse("http://127.0.0.1:" + closedPort), CODE,
                "Ana", PHONE, EVERYTHING), events);
        session.start();

        assertThat(events.next()).startsWith("failed: Cannot reach the Tandem server at http://127.0.0.1:" + closedPort);
        events.assertQuietFor(NO_RETRY_WINDOW);
    }

    @Test
    void closeStopsTheSocketAndEveryThread() throws Exception {
        PeerConnection connection = joined(15);
        session.close();

        assertThat(connection.awaitClose()).isEqualTo(1001);
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (agentThreads() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(agentThreads()).as("threads left behind by the agent").isZero();
        events.assertQuietFor(Duration.ofMillis(100));
    }

    private static long agentThreads() {
        Thread[] threads = new Thread[Thread.activeCount() + 16];
        int count = Thread.enumerate(threads);
        return Arrays.stream(threads, 0, count).map(Thread::getName)
                .filter(name -> name.startsWith("tandem-session-") || name.startsWith("WebSocketConnectReadThread")
                        || name.startsWith("WebSocketWriteThread"))
                .count();
    }
}
