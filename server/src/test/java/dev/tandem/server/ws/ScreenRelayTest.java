package dev.tandem.server.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.protocol.stream.StreamFrame;
import dev.tandem.server.testing.Api;
import dev.tandem.server.testing.CollectingViewer;
import dev.tandem.server.testing.RawDevice;
import dev.tandem.server.testing.RunningServer;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.ArrayByteBufferPool;
import org.eclipse.jetty.io.RetainableByteBuffer;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The screen relay through a real server: a phone on the raw agent socket sends stream frames, and
 * viewers on the viewer socket receive their bytes. The relay lends the phone's frames to the viewer's
 * socket instead of copying them, so these check what that must not change: every byte arrives, in
 * order, and a viewer that stops reading is closed alone while another session's stream goes on.
 */
class ScreenRelayTest {
    private static final int FRAME_PAYLOAD = StreamFrame.MAX_PAYLOAD;
    static RunningServer server;
    static Api tech;

    @BeforeAll
    static void start() {
        server = RunningServer.start();
        tech = server.technician("relay");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A phone on the raw agent socket that joined and shares its screen. */
    private record SharingPhone(RawDevice device, String session) {
        /** Sends {@code bytes} of {@code stream} in frames of at most {@code frame} bytes each. */
        void send(long stream, byte[] bytes, int frame) {
            for (int at = 0; at < bytes.length; at += frame) {
                int length = Math.min(frame, bytes.length - at);
                ByteBuffer encoded = StreamFrame.encode(stream, ByteBuffer.wrap(bytes, at, length));
                byte[] wire = new byte[encoded.remaining()];
                encoded.get(wire);
                device.sendBinary(wire);
            }
        }
    }

    private static SharingPhone sharingPhone() throws InterruptedException {
        RawDevice device = RawDevice.connect(server);
        String session = device.join(tech.createCode("relay"), "Ana").get("session").asText();
        tech.post("/api/v1/sessions/" + session + "/screen", "{\"control\":false}").expect(202);
        device.answerNextPrompt(true);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!tech.get("/api/v1/sessions/" + session + "/screen").expect(200).json().path("status").asText()
                .equals("sharing")) {
            assertThat(System.nanoTime()).as("the screen is shared within 10 s").isLessThan(deadline);
            Thread.sleep(20);
        }
        return new SharingPhone(device, session);
    }

    private static URI viewerUrl(String session) {
        return URI.create(server.wsUrl("/ws/screen/" + session + "?token=" + tech.token()));
    }

    /** A viewer that collects every binary byte it receives. */
    private static byte[] pattern(long seed, int size) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    @Test
    void everyByteOfTheStreamReachesTheViewerIdenticalAndInOrder() throws Exception {
        SharingPhone phone = sharingPhone();
        // Full frames, frames of odd sizes and one-byte frames, as a phone's updates and echoes mix them.
        byte[] stream = pattern(17, 3 * FRAME_PAYLOAD + 5_000 + 40 * 1_001 + 7);
        CollectingViewer viewer = new CollectingViewer(viewerUrl(phone.session()), stream.length);
        try (RawDevice device = phone.device()) {
            assertThat(viewer.connectBlocking(5, TimeUnit.SECONDS)).isTrue();
            long id = device.next("screenOpen").get("stream").asLong();

            int at = 0;
            phone.send(id, Arrays.copyOfRange(stream, at, at += 3 * FRAME_PAYLOAD), FRAME_PAYLOAD);
            phone.send(id, Arrays.copyOfRange(stream, at, at += 5_000), 5_000);
            phone.send(id, Arrays.copyOfRange(stream, at, at += 40 * 1_001), 1_001);
            phone.send(id, Arrays.copyOfRange(stream, at, stream.length), 1);

            assertThat(viewer.all.get(10, TimeUnit.SECONDS)).isEqualTo(stream);
        } finally {
            viewer.closeBlocking();
        }
    }

    @Test
    void aSharingPhonesSocketReadsSeveralFramesAtOnceIntoPooledBuffers() throws Exception {
        SharingPhone phone = sharingPhone();
        byte[] stream = pattern(23, 8 * FRAME_PAYLOAD);
        CollectingViewer viewer = new CollectingViewer(viewerUrl(phone.session()), stream.length);
        try (RawDevice device = phone.device()) {
            assertThat(viewer.connectBlocking(5, TimeUnit.SECONDS)).isTrue();
            long id = device.next("screenOpen").get("stream").asLong();
            phone.send(id, stream, FRAME_PAYLOAD);
            assertThat(viewer.all.get(10, TimeUnit.SECONDS)).isEqualTo(stream);
            // From its first screen frame on the socket reads 256 KiB at a time (a phone that only
            // chats reads 4 KiB), and that buffer waits in the connector's pool between reads.
            ArrayByteBufferPool pool = (ArrayByteBufferPool) server.server().connectionBuffers();
            long idle = pool.getAvailableHeapMemory();
            RetainableByteBuffer taken = pool.acquire(AgentEndpoint.READ_BUFFER_BYTES, false);
            try {
                assertThat(idle - pool.getAvailableHeapMemory()).as("idle memory the pool handed out")
                        .isGreaterThanOrEqualTo(AgentEndpoint.READ_BUFFER_BYTES);
            } finally {
                taken.release();
            }
        } finally {
            viewer.closeBlocking();
        }
    }

    @Test
    void aViewerThatStopsReadingIsClosedAloneWhileAnotherSessionsStreamGoesOn() throws Exception {
        SharingPhone stuckPhone = sharingPhone();
        SharingPhone otherPhone = sharingPhone();
        byte[] otherStream = pattern(23, 200 * FRAME_PAYLOAD);
        CollectingViewer other = new CollectingViewer(viewerUrl(otherPhone.session()), otherStream.length);
        try (RawDevice stuckDevice = stuckPhone.device(); RawDevice otherDevice = otherPhone.device();
             Socket stuck = silentViewer(viewerUrl(stuckPhone.session()))) {
            long stuckId = stuckDevice.next("screenOpen").get("stream").asLong();
            assertThat(other.connectBlocking(5, TimeUnit.SECONDS)).isTrue();
            long otherId = otherDevice.next("screenOpen").get("stream").asLong();

            // More than the viewer's bound (16 MiB) plus what the sockets' buffers hold, to a viewer
            // that reads nothing, while the other session streams its own bytes.
            byte[] flood = pattern(29, 48 << 20);
            stuckPhone.send(stuckId, flood, FRAME_PAYLOAD);
            otherPhone.send(otherId, otherStream, FRAME_PAYLOAD);

            assertThat(other.all.get(20, TimeUnit.SECONDS)).isEqualTo(otherStream);
            assertThat(other.closed).isNotDone();
            // The slow viewer cost its phone nothing else: the phone's chat still goes through.
            stuckDevice.chat(1, "still here");
            assertThat(stuckDevice.next("ack").get("cseq").asLong()).isEqualTo(1);

            // Read now, the stuck viewer finds part of the flood and then its close: too slow (1008).
            long[] received = new long[1];
            assertThat(closeCodeAfterData(stuck, received)).isEqualTo(1008);
            assertThat(received[0]).isLessThan(flood.length);
            assertThat(stuckDevice.next("screenClose").get("stream").asLong()).isEqualTo(stuckId);
        } finally {
            other.closeBlocking();
        }
    }

    /** Reads the server's frames up to its close frame; returns the close code, adds the data bytes up. */
    private static int closeCodeAfterData(Socket socket, long[] dataBytes) throws Exception {
        socket.setSoTimeout(20_000);
        java.io.DataInputStream in = new java.io.DataInputStream(new java.io.BufferedInputStream(socket.getInputStream()));
        while (true) {
            int opcode = in.readUnsignedByte() & 0x0F;
            long length = in.readUnsignedByte() & 0x7F;
            if (length == 126) {
                length = in.readUnsignedShort();
            } else if (length == 127) {
                length = in.readLong();
            }
            if (opcode == 8) {
                return in.readUnsignedShort();
            }
            in.skipNBytes(length);
            if (opcode == 2 || opcode == 0) {
                dataBytes[0] += length;
            }
        }
    }

    /**
     * A viewer socket that opens and then never reads: its small receive window fills, and what the
     * server sends it piles up in the server's queue for it.
     */
    private static Socket silentViewer(URI url) throws Exception {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new java.net.InetSocketAddress(url.getHost(), url.getPort()), 5000);
        String request = "GET " + url.getRawPath() + "?" + url.getRawQuery() + " HTTP/1.1\r\nHost: " + url.getHost()
                + ":" + url.getPort() + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            assertThat(b).as("the server answers the upgrade").isNotNegative();
            head.append((char) b);
        }
        assertThat(head.toString()).startsWith("HTTP/1.1 101");
        return socket;
    }
}
