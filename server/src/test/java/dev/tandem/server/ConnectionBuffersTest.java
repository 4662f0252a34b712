package dev.tandem.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.server.testing.Api;
import dev.tandem.server.testing.RawDevice;
import dev.tandem.server.testing.RunningServer;
import dev.tandem.server.ws.AgentEndpoint;
import org.eclipse.jetty.io.ArrayByteBufferPool;
import org.junit.jupiter.api.Test;

/**
 * A phone's socket reads into a buffer that goes back to the pool whenever the socket has nothing left
 * to parse, i.e. after almost every message; the next read takes it again, so nothing is allocated per
 * message (for the 256 KiB buffers of a sharing phone see ScreenRelayTest). The server reads into heap
 * buffers (EdgeListeners says why).
 */
class ConnectionBuffersTest {

    @Test
    void aChattingPhoneReadsIntoSmallBuffersThatAreReused() {
        try (RunningServer server = RunningServer.start()) {
            Api tech = server.technician("bob");
            ArrayByteBufferPool pool = (ArrayByteBufferPool) server.server().connectionBuffers();
            try (RawDevice phone = RawDevice.connect(server)) {
                phone.join(tech.createCode("pooled"), "Ana");
                chat(phone, 1, 20);
                long buffers = pool.getHeapByteBufferCount();
                chat(phone, 21, 60);
                assertThat(pool.getHeapByteBufferCount()).as("buffers the pool made").isEqualTo(buffers);
                // Jetty starts each text message it assembles with room for a whole read: a phone that
                // only chats reads 4 KiB at a time, never the 256 KiB of a sharing phone.
                assertThat(pool.getAvailableHeapMemory()).as("idle memory in the pool")
                        .isGreaterThanOrEqualTo(AgentEndpoint.TEXT_READ_BUFFER_BYTES)
                        .isLessThan(AgentEndpoint.READ_BUFFER_BYTES);
            }
        }
    }

    private static void chat(RawDevice phone, int from, int to) {
        for (int i = from; i <= to; i++) {
            phone.chat(i, "message " + i);
            assertThat(phone.next("ack").get("seq").asLong()).isPositive();
        }
    }
}
