package dev.tandem.agent.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.agent.AgentSession;
import dev.tandem.agent.PhoneFeatures;
import dev.tandem.agent.diagnostics.DiagnosticsCollector;
import dev.tandem.agent.logs.LogFile;
import dev.tandem.agent.transport.WebSocketTransport;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import dev.tandem.agent.ServerAddress;
import dev.tandem.agent.SessionListener;
import dev.tandem.agent.SessionRequest;
import dev.tandem.agent.consent.ConsentKind;
import dev.tandem.agent.consent.ConsentPrompt;
import dev.tandem.protocol.SessionCode;
import dev.tandem.protocol.message.Capabilities;
import dev.tandem.protocol.message.Capability;
import dev.tandem.protocol.message.DeviceInfo;
import dev.tandem.protocol.message.ServerMessage;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The agent's side of screen consent (docs/protocol.md sections 1.3 and 1.9) against a scripted server. */
class AgentScreenTest {
    private static final DeviceInfo PHONE = new DeviceInfo("samsung", "SM-S918B", "14", 34, "samsung");
    private static final Capabilities CHAT_ONLY = new Capabilities(Capability.available(), Capability.available(),
            Capability.missing("chat-only"), Capability.missing("chat-only"));

    /** Records prompts and sharing changes. */
    private static final class Customer implements SessionListener {
        final BlockingQueue<String> events = new LinkedBlockingQueue<>();

        @Override
        public void joined(ServerMessage.Welcome welcome) {
            events.add("joined");
        }

        @Override
        public void resumed(ServerMessage.Welcome welcome) {
            events.add("resumed");
        }

        @Override
        public void prompt(ConsentPrompt prompt) {
            events.add("prompt " + prompt.id());
        }

        @Override
        public void sharing(boolean screen, boolean control) {
            events.add("sharing screen=" + screen + " control=" + control);
        }

        void expect(String event) throws InterruptedException {
            assertThat(events.poll(5, TimeUnit.SECONDS)).isEqualTo(event);
        }

        void assertQuiet() throws InterruptedException {
            assertThat(events.poll(300, TimeUnit.MILLISECONDS)).isNull();
        }
    }

    private ScriptedPeer peer;
    private final Customer customer = new Customer();
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

    private PeerConnection joined() throws Exception {
        return joined(PhoneFeatures.chatOnly());
    }

    private PeerConnection joined(PhoneFeatures features) throws Exception {
        session = AgentSession.create(SessionRequest.join(ServerAddress.parse(peer.baseUrl()),
                SessionCode.parse("123456789").orElseThrow(), "Ana", PHONE, CHAT_ONLY), customer,
                WebSocketTransport.create(), features);
        session.start();
        PeerConnection connection = peer.nextConnection();
        connection.expect("hello");
        connection.welcome("s_1", "tok", 0, 15);
        customer.expect("joined");
        return connection;
    }

    private static void screenPrompt(PeerConnection connection, String id, boolean ask) {
        connection.send(PeerConnection.message("prompt").put("id", id).put("kind", "screen").put("text", "Bob")
                .put("ask", ask));
    }

    @Test
    void aPortalThatSharesWithoutAskingGrantsTheScreenAndShowsTheNotice() throws Exception {
        PeerConnection connection = joined();
        screenPrompt(connection, "p_1", false);
        JsonNode answer = connection.expect("answer");
        assertThat(answer.path("id").asText()).isEqualTo("p_1");
        assertThat(answer.path("granted").asBoolean()).isTrue();
        customer.expect("sharing screen=true control=false");
        assertThat(session.consent().isGranted(ConsentKind.SCREEN)).isTrue();
    }

    @Test
    void controlIsAlwaysAskedWhateverThePromptSays() throws Exception {
        PeerConnection connection = joined();
        connection.send(PeerConnection.message("prompt").put("id", "p_2").put("kind", "control").put("text", "Bob")
                .put("ask", false));
        customer.expect("prompt p_2");
        assertThat(session.consent().isGranted(ConsentKind.CONTROL)).isFalse();
        connection.assertNothingSentWithin(Duration.ofMillis(300));
    }

    @Test
    void theStopButtonRevokesAtOnceAndTellsTheServer() throws Exception {
        PeerConnection connection = joined();
        screenPrompt(connection, "p_1", false);
        connection.expect("answer");
        customer.expect("sharing screen=true control=false");

        assertThat(session.stopSharing()).isTrue();
        assertThat(session.consent().isGranted(ConsentKind.SCREEN)).isFalse(); // before any message goes out
        JsonNode sharing = connection.expect("sharing");
        assertThat(sharing.path("screen").asBoolean()).isFalse();
        assertThat(sharing.path("control").asBoolean()).isFalse();
        customer.expect("sharing screen=false control=false");
    }

    @Test
    void aPromptAskedAgainAfterAResumeIsAnsweredWithTheEarlierAnswerNeverReGranted() throws Exception {
        PeerConnection connection = joined();
        screenPrompt(connection, "p_1", false);
        connection.expect("answer");
        customer.expect("sharing screen=true control=false");
        session.stopSharing();
        connection.expect("sharing");
        customer.expect("sharing screen=false control=false");

        connection.drop();
        PeerConnection again = peer.nextConnection();
        again.expect("hello");
        again.welcome("s_1", "tok", 0, 15);
        customer.expect("resumed");
        JsonNode state = again.expect("sharing");
        assertThat(state.path("screen").asBoolean()).isFalse();
        screenPrompt(again, "p_1", false); // the server lost the answer
        JsonNode answer = again.expect("answer");
        assertThat(answer.path("granted").asBoolean()).isTrue();
        assertThat(session.consent().isGranted(ConsentKind.SCREEN)).as("a stop is never undone").isFalse();
        customer.assertQuiet();
    }

    @Test
    void theTechnicianReleasingControlRevokesIt() throws Exception {
        PeerConnection connection = joined();
        screenPrompt(connection, "p_1", false);
        connection.expect("answer");
        customer.expect("sharing screen=true control=false");
        connection.send(PeerConnection.message("prompt").put("id", "p_2").put("kind", "control").put("text", "Bob"));
        customer.expect("prompt p_2");
        session.answer("p_2", true);
        connection.expect("answer");
        customer.expect("sharing screen=true control=true");

        connection.send(PeerConnection.message("release").put("screen", false).put("control", true));
        customer.expect("sharing screen=true control=false");
        assertThat(session.consent().isGranted(ConsentKind.CONTROL)).isFalse();
        assertThat(session.consent().isGranted(ConsentKind.SCREEN)).isTrue();
    }

    @Test
    void aChatOnlyPhoneRefusesAScreenStream() throws Exception {
        PeerConnection connection = joined();
        connection.send(PeerConnection.message("screenOpen").put("stream", 7));
        JsonNode closed = connection.expect("screenClosed");
        assertThat(closed.path("stream").asLong()).isEqualTo(7);
        assertThat(closed.path("reason").asText()).contains("cannot share");
        assertThat(session.viewers()).isZero();
    }

    @Test
    void diagnosticsWithoutAskingAreSentAndARefreshIsNotAskedAgain() throws Exception {
        DiagnosticsCollector collector = DiagnosticsCollector.builder(Clock.systemUTC()).build();
        PeerConnection connection = joined(PhoneFeatures.chatOnly().withDiagnostics(collector));
        connection.send(PeerConnection.message("prompt").put("id", "p_1").put("kind", "diagnostics").put("text", "?")
                .put("ask", false));
        assertThat(connection.expect("answer").path("granted").asBoolean()).isTrue();
        JsonNode report = connection.expect("diagnostics");
        assertThat(report.path("id").asText()).isEqualTo("p_1");
        assertThat(report.path("report").path("version").asInt()).isEqualTo(1);
        assertThat(report.path("report").path("battery").path("unavailable").asText()).isNotEmpty();

        connection.send(PeerConnection.message("prompt").put("id", "p_2").put("kind", "diagnostics").put("text", "?"));
        assertThat(connection.expect("answer").path("id").asText()).isEqualTo("p_2");
        assertThat(connection.expect("diagnostics").path("id").asText()).isEqualTo("p_2");
        customer.assertQuiet();
    }

    @Test
    void logsAreAlwaysAskedAndUploadedOnlyAfterYes() throws Exception {
        byte[] content = "hello log\n".getBytes(StandardCharsets.UTF_8);
        PeerConnection connection = joined(PhoneFeatures.chatOnly()
                .withLogs(() -> List.of(new LogFile("app.log", content))));
        connection.send(PeerConnection.message("prompt").put("id", "p_3").put("kind", "logs").put("text", "?")
                .put("ask", false));
        customer.expect("prompt p_3");
        connection.assertNothingSentWithin(Duration.ofMillis(300));
        session.answer("p_3", true);
        connection.expect("answer");
        JsonNode file = connection.expect("logFile");
        assertThat(file.path("name").asText()).isEqualTo("app.log");
        assertThat(file.path("size").asInt()).isEqualTo(content.length);
        connection.expect("logChunk");
        connection.expect("logEnd");
        assertThat(connection.expect("logsDone").path("files").asInt()).isEqualTo(1);
    }
}
