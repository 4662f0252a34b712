package dev.tandem.agent.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WebSocketTransportTest {

    /** Records the callbacks of one connection. */
    private static final class Recorder implements ConnectionListener {
        final BlockingQueue<String> events = new LinkedBlockingQueue<>();

        @Override
        public void onOpen() {
            events.add("open");
        }

        @Override
        public void onText(String text) {
            events.add("text " + text);
        }

        @Override
        public void onBinary(java.nio.ByteBuffer binary) {
            events.add("binary " + binary.remaining());
        }

        @Override
        public void onClose(int code, String reason, boolean remote) {
            events.add("close " + code);
        }

        /** The next event that is not an error. */
        String nextBesidesErrors() throws InterruptedException {
            String event;
            do {
                event = events.poll(5, TimeUnit.SECONDS);
            } while ("error".equals(event));
            return event;
        }

        @Override
        public void onError(Exception error) {
            events.add("error");
        }
    }

    @Test
    void closingWhileTheHandshakeHangsAbandonsTheConnectionAtOnce() throws Exception {
        try (ServerSocket silent = new ServerSocket(0)) {
            Recorder recorder = new Recorder();
            Connection connection = WebSocketTransport.create(Duration.ofSeconds(10))
                    .connect(URI.create("ws://127.0.0.1:" + silent.getLocalPort() + "/ws/agent"), recorder);
            try (Socket accepted = silent.accept()) {
                long start = System.nanoTime();
                connection.close(1001, "never mind");
                assertThat(recorder.nextBesidesErrors()).startsWith("close ");
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
                assertThat(recorder.events.poll(300, TimeUnit.MILLISECONDS)).as("one close only").isNull();
            }
        }
    }

    @Test
    void unreachablePortIsReportedAsNeverConnected() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Recorder recorder = new Recorder();
        WebSocketTransport.create().connect(URI.create("ws://127.0.0.1:" + closedPort + "/ws/agent"), recorder);
        assertThat(recorder.nextBesidesErrors()).isEqualTo("close " + ConnectionListener.NEVER_CONNECTED);
    }
}
