package dev.tandem.agent.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.protocol.Limits;
import dev.tandem.protocol.message.AgentMessage;
import dev.tandem.protocol.message.WireCodec;
import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class LogUploadTest {

    @Test
    void aFileBecomesOrderedChunksWithChecksumsThatReassembleExactly() {
        byte[] content = new byte[Limits.LOG_CHUNK_BYTES * 2 + 100];
        new Random(3).nextBytes(content);
        List<AgentMessage> messages = LogUpload.messages("p_1", "u7", new LogFile("system.log", content));

        AgentMessage.LogFile start = (AgentMessage.LogFile) messages.get(0);
        assertThat(start.size).isEqualTo(content.length);
        assertThat(start.sha256).isEqualTo(LogUpload.sha256(content)).hasSize(64);
        assertThat(messages.get(messages.size() - 1)).isInstanceOf(AgentMessage.LogEnd.class);

        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        WireCodec codec = WireCodec.create();
        for (int i = 1; i < messages.size() - 1; i++) {
            AgentMessage.LogChunk chunk = (AgentMessage.LogChunk) messages.get(i);
            assertThat(chunk.index).isEqualTo(i - 1);
            assertThat(codec.encode(chunk).length()).isLessThan(Limits.MAX_FRAME_BYTES);
            byte[] bytes = Base64.getDecoder().decode(chunk.data);
            CRC32 crc = new CRC32();
            crc.update(bytes);
            assertThat(chunk.crc32).isEqualTo(crc.getValue());
            joined.writeBytes(bytes);
        }
        assertThat(joined.toByteArray()).isEqualTo(content);
    }

    @Test
    void anEmptyFileIsAStartAndAnEnd() {
        assertThat(LogUpload.messages("p", "u", new LogFile("empty.log", new byte[0]))).hasSize(2);
    }

    @Test
    void aFileNameIsAPlainName() {
        assertThatThrownBy(() -> new LogFile("../etc/passwd", new byte[1])).isInstanceOf(IllegalArgumentException.class);
    }
}
