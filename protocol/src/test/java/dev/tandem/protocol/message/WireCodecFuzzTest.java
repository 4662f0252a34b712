package dev.tandem.protocol.message;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tandem.protocol.ProtocolException;
import dev.tandem.protocol.TandemStatus;
import dev.tandem.protocol.stream.StreamFrame;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Coverage-guided fuzzing of everything a peer's bytes go through first: the JSON codec both ways
 * and binary stream frames. Whatever arrives, the answer is a message or {@link TandemStatus#MALFORMED}
 * with a sentence that names no Java class; nothing else may escape. Seeds:
 * {@code src/test/resources/dev/tandem/protocol/message/WireCodecFuzzTestInputs/}.
 */
class WireCodecFuzzTest {
    private static final WireCodec CODEC = WireCodec.create();
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");
    private static final Pattern JAVA_NAME = Pattern.compile("java\\.|javax\\.|dev\\.tandem|com\\.fasterxml|JsonToken|Exception|`");

    @FuzzTest(maxDuration = "12s")
    void anyFrameDecodesOrIsRefusedWithASentence(byte[] input) {
        String frame = new String(input, StandardCharsets.UTF_8);
        try {
            AgentMessage message = CODEC.decodeAgent(frame);
            assertThat(message).isNotNull();
            // What decodes must encode again (the server echoes parts of it to consoles and logs).
            assertThat(CODEC.encode(message)).isNotEmpty();
        } catch (ProtocolException refused) {
            assertSentence(refused, frame);
        }
        try {
            assertThat(CODEC.decodeServer(frame)).isNotNull();
        } catch (ProtocolException refused) {
            assertSentence(refused, frame);
        }
        try {
            StreamFrame.decode(ByteBuffer.wrap(input));
        } catch (ProtocolException refused) {
            assertSentence(refused, frame);
        }
    }

    private static void assertSentence(ProtocolException refused, String frame) {
        assertThat(refused.status()).isEqualTo(TandemStatus.MALFORMED);
        assertThat(refused.getMessage()).isNotBlank();
        // The sentence may quote what the peer sent (an unknown type): that text is the peer's own
        // (the fuzzer once sent the type "chJsonTokenat"), so only the rest must name no Java class.
        String ours = QUOTED.matcher(refused.getMessage()).replaceAll(quoted -> frame.contains(quoted.group(1))
                ? "\"\"" : java.util.regex.Matcher.quoteReplacement(quoted.group()));
        assertThat(ours).doesNotContainPattern(JAVA_NAME);
    }
}
