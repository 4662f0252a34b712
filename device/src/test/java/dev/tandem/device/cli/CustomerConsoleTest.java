package dev.tandem.device.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.agent.ServerAddress;
import dev.tandem.agent.consent.ConsentKind;
import dev.tandem.agent.consent.ConsentLedger;
import dev.tandem.agent.drawing.MarkPainter;
import dev.tandem.device.DeviceProfile;
import dev.tandem.device.VirtualPhone;
import dev.tandem.protocol.SessionCode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Stdin commands from in-memory streams, driving a real phone connected to a real scripted server. */
class CustomerConsoleTest {
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private TandemPeer peer;
    private VirtualPhone phone;
    private CustomerConsole console;

    @BeforeEach
    void joinSession() throws Exception {
        peer = TandemPeer.open();
        phone = VirtualPhone.create(DeviceProfile.SAMSUNG);
        console = new CustomerConsole(phone, new CustomerEvents(stdout), ConsentMode.ASK,
                new dev.tandem.device.DownloadsFolder(java.nio.file.Path.of("target", "downloads-" + System.nanoTime())));
        phone.join(ServerAddress.parse(peer.baseUrl()), SessionCode.parse("123456789").orElseThrow(), "Ana", console);
        peer.welcome();
        awaitEvents(1);
    }

    @AfterEach
    void close() throws Exception {
        phone.close();
        peer.close();
    }

    private void type(String lines) {
        console.readCommands(new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)));
    }

    private List<JsonNode> events() {
        return stdout.toString(StandardCharsets.UTF_8).lines().map(TandemPeer::parse).toList();
    }

    /** Waits until at least {@code count} events were printed, and returns the last one. */
    private JsonNode awaitEvents(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (events().size() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        List<JsonNode> events = events();
        assertThat(events).as("events so far").hasSizeGreaterThanOrEqualTo(count);
        return events.get(count - 1);
    }

    @Test
    void plainLinesAreChatMessagesAndDoubleSlashSendsALeadingSlash() throws Exception {
        type("Hola, ¿me ayudas? 👋\n//etc/hosts is broken\n\n   \n");

        JsonNode first = peer.expect("chat");
        assertThat(first.path("cseq").asLong()).isEqualTo(1);
        assertThat(first.path("text").asText()).isEqualTo("Hola, ¿me ayudas? 👋");
        assertThat(peer.expect("chat").path("text").asText()).isEqualTo("/etc/hosts is broken");

        peer.send(TandemPeer.message("ack").put("cseq", 1).put("seq", 4));
        assertThat(awaitEvents(2).toString()).isEqualTo("{\"event\":\"delivered\",\"cseq\":1,\"seq\":4}");
        assertThat(events()).hasSize(2).as("blank lines send nothing");
    }

    @Test
    void answeringWithNoOpenQuestionIsAnError() throws Exception {
        type("/yes\n");
        assertThat(awaitEvents(2).toString())
                .isEqualTo("{\"event\":\"error\",\"message\":\"There is no question to answer.\"}");
    }

    @Test
    void yesAndNoAnswerTheOldestOpenQuestionFirst() throws Exception {
        peer.prompt("p_1", "screen", "Share your screen with Bob?");
        peer.prompt("p_2", "control", "Let Bob control your phone?");
        awaitEvents(3);

        type("/no\n/yes\n");

        JsonNode first = peer.expect("answer");
        assertThat(first.path("id").asText()).isEqualTo("p_1");
        assertThat(first.path("granted").asBoolean()).isFalse();
        JsonNode second = peer.expect("answer");
        assertThat(second.path("id").asText()).isEqualTo("p_2");
        assertThat(second.path("granted").asBoolean()).isTrue();
        // A "sharing" line is printed when what is shared changes: the declined screen changes nothing.
        assertThat(awaitEvents(4).toString()).isEqualTo("{\"event\":\"sharing\",\"screen\":false,\"control\":true}");
    }

    @Test
    void stopRevokesScreenAndControl() throws Exception {
        peer.prompt("p_1", "screen", "Share your screen with Bob?");
        awaitEvents(2);
        type("/yes\n");
        assertThat(awaitEvents(3).toString()).isEqualTo("{\"event\":\"sharing\",\"screen\":true,\"control\":false}");
        assertThat(phone.consent().isGranted(ConsentKind.SCREEN)).isTrue();

        type("/stop\n");
        assertThat(awaitEvents(4).toString()).isEqualTo("{\"event\":\"sharing\",\"screen\":false,\"control\":false}");
        assertThat(phone.consent().decision(ConsentKind.SCREEN)).isEqualTo(ConsentLedger.Decision.STOPPED);
    }

    @Test
    void drawingsShowOnTheSharedScreenAndTheCustomerCanHideThem() throws Exception {
        peer.prompt("p_1", "screen", "Share your screen with Bob?");
        awaitEvents(2);
        type("/yes\n");
        awaitEvents(3);
        assertThat(peer.expect("answer").path("granted").asBoolean()).isTrue();
        JsonNode said = peer.expect("drawings");
        assertThat(said.toString()).isEqualTo("{\"type\":\"drawings\",\"hidden\":false,\"width\":1080,\"height\":2400}");

        peer.send(TandemPeer.message("drawing").put("kind", "stroke").set("points",
                TandemPeer.parse("[[100,1000],[900,1000]]")));
        assertThat(awaitEvents(4).toString()).isEqualTo("{\"event\":\"drawing\",\"state\":\"shown\",\"points\":2}");
        // The phone's own framebuffer (what it shares) has the red line across it.
        assertThat(phone.screen().orElseThrow().capture().pixel(500, 1000)).isEqualTo(MarkPainter.RED);

        type("/hide-drawings\n");
        assertThat(peer.expect("drawings").path("hidden").asBoolean()).isTrue();
        assertThat(events().stream().map(JsonNode::toString)).contains(
                "{\"event\":\"drawing\",\"state\":\"hidden\"}", "{\"event\":\"drawings\",\"hidden\":true}");
        assertThat(phone.screen().orElseThrow().capture().pixel(500, 1000)).isNotEqualTo(MarkPainter.RED);
        int printed = events().size();
        peer.send(TandemPeer.message("drawing").put("kind", "pointer").set("points", TandemPeer.parse("[[500,1000]]")));
        peer.chat(1, "technician", "Bob", "Look here");
        assertThat(awaitEvents(printed + 1).path("event").asText()).as("the pointer sent while hidden never showed")
                .isEqualTo("chat");
        type("/show-drawings\n");
        assertThat(awaitEvents(printed + 2).toString()).isEqualTo("{\"event\":\"drawings\",\"hidden\":false}");
    }

    @Test
    void withdrawnQuestionCannotBeAnswered() throws Exception {
        peer.prompt("p_1", "diagnostics", "Share device information?");
        peer.send(TandemPeer.message("promptClosed").put("id", "p_1"));
        assertThat(awaitEvents(3).toString()).isEqualTo("{\"event\":\"promptClosed\",\"id\":\"p_1\"}");

        type("/yes\n");
        assertThat(awaitEvents(4).path("message").asText()).isEqualTo("There is no question to answer.");
    }

    @Test
    void quitLeavesAndTheSessionEndsByTheCustomer() throws Exception {
        type("/quit\n");
        peer.expect("leave");
        peer.end("customer", null);

        assertThat(console.outcome().get(5, TimeUnit.SECONDS)).isEqualTo(Outcome.sessionEnded());
        assertThat(awaitEvents(2).toString()).isEqualTo("{\"event\":\"ended\",\"by\":\"customer\"}");
    }

    @Test
    void unknownCommandsAndOversizedLinesAreRefusedWithoutSending() throws Exception {
        type("/help\n" + "x".repeat(4001) + "\n");

        assertThat(awaitEvents(2).path("message").asText()).startsWith("Unknown command /help: use /yes, /no, /stop or /quit");
        JsonNode refused = awaitEvents(3);
        assertThat(refused.path("event").asText()).isEqualTo("refused");
        assertThat(refused.has("cseq")).isFalse();
        assertThat(refused.path("message").asText()).contains("4,001").contains("4,000");

        type("short enough\n");
        assertThat(peer.expect("chat").path("cseq").asLong()).as("nothing was sent before").isEqualTo(1);
    }

    @Test
    void serverRefusalOfAMessageIsPrintedWithItsNumber() throws Exception {
        type("something the server refuses\n");
        peer.expect("chat");
        ObjectNodes.refuse(peer, 1, "message_too_long", "The message is too long.");

        assertThat(awaitEvents(2).toString())
                .isEqualTo("{\"event\":\"refused\",\"cseq\":1,\"message\":\"The message is too long.\"}");
    }

    /** Frames only this test class needs. */
    private static final class ObjectNodes {
        static void refuse(TandemPeer peer, long cseq, String code, String message) {
            var ack = TandemPeer.message("ack").put("cseq", cseq);
            ack.putObject("error").put("code", code).put("message", message);
            peer.send(ack);
        }
    }
}
