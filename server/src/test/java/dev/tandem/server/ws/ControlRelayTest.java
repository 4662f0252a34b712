package dev.tandem.server.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.server.testing.Api;
import dev.tandem.server.testing.RawDevice;
import dev.tandem.server.testing.RunningServer;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;
import org.junit.jupiter.api.Test;

/**
 * Issue 18.2, control with two technicians through the real sockets: the owner and a helper both
 * watch the shared screen; with control granted by the customer, only the input of the technician
 * holding control reaches the phone, and after the holder passes it only the new holder's does.
 */
class ControlRelayTest {
    private static final byte[] HANDSHAKE = concat("RFB 003.008\n".getBytes(StandardCharsets.US_ASCII), new byte[] {1, 1});
    private static final byte[] REQUEST = {3, 1, 0, 0, 0, 0, 4, 56, 9, 96};
    private static final byte[] POINTER = {5, 1, 0, 10, 0, 20};

    @Test
    void onlyTheControlHoldersInputReachesThePhoneAndPassingControlMovesIt() throws Exception {
        try (RunningServer server = RunningServer.start(); RawDevice phone = RawDevice.connect(server)) {
            Api rosa = server.technician("rosa");
            Api marco = server.technician("marco");
            String session = phone.join(rosa.createCode("control"), "Ana").get("session").asText();
            String path = "/api/v1/sessions/" + session;
            rosa.post(path + "/screen", "{\"control\":true}").expect(202);
            phone.answerNextPrompt(true);
            phone.answerNextPrompt(true);
            await(() -> "granted".equals(rosa.get(path + "/screen").json().path("controlStatus").asText()), "control granted");
            rosa.post(path + "/helpers", "{\"technician\":\"marco\"}").expect(201);

            Viewer rosasViewer = new Viewer(URI.create(server.wsUrl("/ws/screen/" + session + "?token=" + rosa.token())));
            assertThat(rosasViewer.connectBlocking(5, TimeUnit.SECONDS)).isTrue();
            long rosas = phone.next("screenOpen").get("stream").asLong();
            Viewer marcosViewer = new Viewer(URI.create(server.wsUrl("/ws/screen/" + session + "?token=" + marco.token())));
            assertThat(marcosViewer.connectBlocking(5, TimeUnit.SECONDS)).isTrue();
            long marcos = phone.next("screenOpen").get("stream").asLong();
            try {
                rosasViewer.send(concat(HANDSHAKE, POINTER, REQUEST));
                marcosViewer.send(concat(HANDSHAKE, POINTER, REQUEST));
                await(() -> phone.streamBytes(rosas).length == HANDSHAKE.length + POINTER.length + REQUEST.length
                        && phone.streamBytes(marcos).length == HANDSHAKE.length + REQUEST.length, "both viewers' bytes");
                assertThat(phone.streamBytes(rosas)).isEqualTo(concat(HANDSHAKE, POINTER, REQUEST));
                assertThat(phone.streamBytes(marcos)).as("the helper watches: no input").isEqualTo(concat(HANDSHAKE, REQUEST));

                rosa.post(path + "/control", "{\"technician\":\"marco\"}").expect(200);
                rosasViewer.send(concat(POINTER, REQUEST));
                marcosViewer.send(concat(POINTER, REQUEST));
                await(() -> phone.streamBytes(rosas).length == HANDSHAKE.length + POINTER.length + 2 * REQUEST.length
                        && phone.streamBytes(marcos).length == HANDSHAKE.length + POINTER.length + 2 * REQUEST.length,
                        "the bytes after passing control");
                assertThat(phone.streamBytes(rosas)).isEqualTo(concat(HANDSHAKE, POINTER, REQUEST, REQUEST));
                assertThat(phone.streamBytes(marcos)).isEqualTo(concat(HANDSHAKE, REQUEST, POINTER, REQUEST));
            } finally {
                rosasViewer.closeBlocking();
                marcosViewer.closeBlocking();
            }
        }
    }

    private static void await(Supplier<Boolean> condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.get()) {
            assertThat(System.nanoTime()).as(what + " within 10 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** A viewer socket that only sends. */
    private static final class Viewer extends WebSocketClient {
        Viewer(URI url) {
            super(url);
        }

        @Override
        public void onOpen(ServerHandshake handshake) {
        }

        @Override
        public void onMessage(String message) {
        }

        @Override
        public void onMessage(ByteBuffer bytes) {
        }

        @Override
        public void onClose(int code, String reason, boolean remote) {
        }

        @Override
        public void onError(Exception ex) {
        }
    }
}
