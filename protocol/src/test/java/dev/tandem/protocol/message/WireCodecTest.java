package dev.tandem.protocol.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.protocol.ProtocolException;
import dev.tandem.protocol.TandemStatus;
import org.junit.jupiter.api.Test;

class WireCodecTest {
    private final WireCodec codec = WireCodec.create();

    @Test
    void helloRoundTripsWithDeviceAndCapabilities() throws Exception {
        AgentMessage.Hello hello = new AgentMessage.Hello(1, "123456789", null, "Ana María 😀",
                new DeviceInfo("samsung", "SM-S918B", "14", 34, "samsung"),
                new Capabilities(Capability.available(), Capability.available(),
                        Capability.missing("chat-only"), Capability.missing("chat-only")), 7);

        String frame = codec.encode(hello);
        AgentMessage decoded = codec.decodeAgent(frame);

        assertThat(frame).contains("\"type\":\"hello\"").doesNotContain("\"resume\"");
        assertThat(decoded).isInstanceOf(AgentMessage.Hello.class);
        AgentMessage.Hello back = (AgentMessage.Hello) decoded;
        assertThat(back.customerName).isEqualTo("Ana María 😀");
        assertThat(back.device.model).isEqualTo("SM-S918B");
        assertThat(back.capabilities.screen.available).isFalse();
        assertThat(back.capabilities.screen.reason).isEqualTo("chat-only");
        assertThat(back.lastSeq).isEqualTo(7);
    }

    @Test
    void sameTypeNameMeansDifferentMessagesPerDirection() throws Exception {
        assertThat(codec.decodeAgent("{\"type\":\"chat\",\"cseq\":3,\"text\":\"hola\"}"))
                .isInstanceOf(AgentMessage.Chat.class);
        ServerMessage fromServer = codec.decodeServer(
                "{\"type\":\"chat\",\"seq\":9,\"sender\":\"technician\",\"name\":\"Bob\",\"text\":\"hi\",\"at\":\"x\"}");
        assertThat(fromServer).isInstanceOf(ServerMessage.Chat.class);
        assertThat(((ServerMessage.Chat) fromServer).seq).isEqualTo(9);
    }

    @Test
    void unknownFieldsAreIgnoredForForwardCompatibility() throws Exception {
        AgentMessage message = codec.decodeAgent("{\"type\":\"ack\",\"seq\":4,\"future\":true}");
        assertThat(((AgentMessage.Ack) message).seq).isEqualTo(4);
    }

    @Test
    void malformedFramesAreRefusedAsMalformed() {
        for (String frame : new String[] {"", "not json", "[1,2]", "{\"type\":\"nope\"}", "{\"cseq\":1}", "null"}) {
            assertThatThrownBy(() -> codec.decodeAgent(frame)).as(frame)
                    .isInstanceOfSatisfying(ProtocolException.class,
                            e -> assertThat(e.status()).isEqualTo(TandemStatus.MALFORMED));
        }
    }
}
