package dev.tandem.protocol.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.protocol.Limits;
import dev.tandem.protocol.ProtocolException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StreamFrameTest {

    @Test
    void largeDataIsSplitIntoFramesThatReassembleInOrder() throws ProtocolException {
        byte[] data = new byte[3 * StreamFrame.MAX_PAYLOAD + 17];
        new Random(7).nextBytes(data);
        List<ByteBuffer> frames = StreamFrame.encode(0xFFFF_FFFEL, data, 0, data.length);
        assertThat(frames).hasSize(4);
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        for (ByteBuffer frame : frames) {
            assertThat(frame.remaining()).isLessThanOrEqualTo(Limits.MAX_FRAME_BYTES);
            StreamFrame decoded = StreamFrame.decode(frame);
            assertThat(decoded.stream()).isEqualTo(0xFFFF_FFFEL);
            ByteBuffer payload = decoded.payload();
            byte[] bytes = new byte[payload.remaining()];
            payload.get(bytes);
            joined.writeBytes(bytes);
        }
        assertThat(joined.toByteArray()).isEqualTo(data);
    }

    @Test
    void headerIsChannelThenBigEndianStreamId() {
        ByteBuffer frame = StreamFrame.encode(258, ByteBuffer.wrap(new byte[] {9}));
        assertThat(frame.array()).containsExactly(1, 0, 0, 1, 2, 9);
    }

    @Test
    void aPayloadWrittenAfterReservedRoomIsWrappedWithItsHeaderInPlace() throws ProtocolException {
        byte[] room = new byte[StreamFrame.HEADER_BYTES + 10];
        room[5] = 4;
        room[6] = 2;
        ByteBuffer frame = StreamFrame.wrap(258, room, 2);
        assertThat(frame.array()).isSameAs(room);
        assertThat(frame.remaining()).isEqualTo(7);
        StreamFrame decoded = StreamFrame.decode(frame);
        assertThat(decoded.stream()).isEqualTo(258);
        assertThat(decoded.payload().remaining()).isEqualTo(2);
        assertThatThrownBy(() -> StreamFrame.wrap(258, room, 11)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shortFramesAndUnknownChannelsAreMalformed() {
        assertThatThrownBy(() -> StreamFrame.decode(ByteBuffer.wrap(new byte[] {1, 0, 0})))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("header");
        assertThatThrownBy(() -> StreamFrame.decode(ByteBuffer.wrap(new byte[] {2, 0, 0, 0, 1, 5})))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("channel 2");
    }

    @Test
    void streamIdsMustBePositive() {
        assertThatThrownBy(() -> StreamFrame.encode(0, new byte[1], 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
