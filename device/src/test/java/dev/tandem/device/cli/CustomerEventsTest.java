package dev.tandem.device.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CustomerEventsTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final CustomerEvents events = new CustomerEvents(out);

    private List<String> lines() {
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void everyEventIsOneUtf8JsonLineWhateverTheTextHolds() {
        String tricky = "Línea 1\nLínea 2\r\n\t\"quoted\" \\ back\\slash 😀👍🏽 ñ 中文 \u2028 \u2029 \u0000 end";
        events.chat("technician", "Bob \"the fixer\"", tricky, 17);

        byte[] bytes = out.toByteArray();
        assertThat(bytes[bytes.length - 1]).isEqualTo((byte) '\n');
        List<String> lines = lines();
        assertThat(lines).hasSize(1);
        String line = lines.get(0);
        assertThat(line).contains("😀👍🏽 ñ 中文").as("UTF-8 as is, not escaped");
        assertThat(line).doesNotContain("\u2028").doesNotContain("\u2029").contains("\\u2028");
        assertThat(new String(bytes, StandardCharsets.UTF_8).chars().filter(c -> c == '\n').count()).isEqualTo(1);

        JsonNode event = TandemPeer.parse(line);
        assertThat(event.path("event").asText()).isEqualTo("chat");
        assertThat(event.path("from").asText()).isEqualTo("technician");
        assertThat(event.path("name").asText()).isEqualTo("Bob \"the fixer\"");
        assertThat(event.path("text").asText()).isEqualTo(tricky);
        assertThat(event.path("seq").asLong()).isEqualTo(17);
    }

    @Test
    void aRecordedSessionSaysSoInThePromptAndTheSharingNotice() {
        events.prompt("p_2", "screen", "Share your screen? This session is recorded.", true);
        events.sharing(true, false, true);

        assertThat(lines()).containsExactly(
                "{\"event\":\"prompt\",\"id\":\"p_2\",\"kind\":\"screen\",\"text\":\"Share your screen? This session is "
                        + "recorded.\",\"recorded\":true}",
                "{\"event\":\"sharing\",\"screen\":true,\"control\":false,\"recorded\":true,"
                        + "\"notice\":\"Your screen is being shared and recorded\"}");
    }

    @Test
    void eventsHaveTheContractsShape() {
        events.joined("s_1", "Bob");
        events.system("Ana joined", 1);
        events.prompt("p_1", "screen", "Share your screen?");
        events.sharing(true, false);
        events.ended("technician", null);
        events.ended("customer", "Bye");
        events.delivered(3, 9);
        events.refused(4, "Too long.");
        events.refusedBeforeSending("Empty.");
        events.reconnecting(2);
        events.resumed();
        events.error("Oops");
        events.promptClosed("p_1");

        assertThat(lines()).containsExactly(
                "{\"event\":\"joined\",\"session\":\"s_1\",\"technician\":\"Bob\"}",
                "{\"event\":\"system\",\"text\":\"Ana joined\",\"seq\":1}",
                "{\"event\":\"prompt\",\"id\":\"p_1\",\"kind\":\"screen\",\"text\":\"Share your screen?\"}",
                "{\"event\":\"sharing\",\"screen\":true,\"control\":false}",
                "{\"event\":\"ended\",\"by\":\"technician\"}",
                "{\"event\":\"ended\",\"by\":\"customer\",\"reason\":\"Bye\"}",
                "{\"event\":\"delivered\",\"cseq\":3,\"seq\":9}",
                "{\"event\":\"refused\",\"cseq\":4,\"message\":\"Too long.\"}",
                "{\"event\":\"refused\",\"message\":\"Empty.\"}",
                "{\"event\":\"reconnecting\",\"attempt\":2}",
                "{\"event\":\"resumed\"}",
                "{\"event\":\"error\",\"message\":\"Oops\"}",
                "{\"event\":\"promptClosed\",\"id\":\"p_1\"}");
    }

    @Test
    void missingNameIsLeftOutRatherThanNull() {
        events.chat("customer", null, "hi", 2);
        assertThat(lines()).containsExactly("{\"event\":\"chat\",\"from\":\"customer\",\"text\":\"hi\",\"seq\":2}");
    }
}
