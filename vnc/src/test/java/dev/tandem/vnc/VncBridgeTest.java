package dev.tandem.vnc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.agent.testing.WriteDemandWatch;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The bridge against a real WebSocket server standing in for Tandem's viewer socket, and real TCP
 * viewers: bytes pass unchanged both ways, in bounded frames, and a close on either side closes
 * the other with one line that says why.
 */
class VncBridgeTest {
    private final BlockingQueue<String> notices = new LinkedBlockingQueue<>();
    private ViewerSocketStandIn server;
    private VncBridge bridge;

    /** A viewer socket that records what it receives and does what the test says on connect. */
    private static final class ViewerSocketStandIn extends WebSocketServer {
        final List<byte[]> frames = new CopyOnWriteArrayList<>();
        final BlockingQueue<String> requests = new LinkedBlockingQueue<>();
        final BlockingQueue<Integer> closes = new LinkedBlockingQueue<>();
        final CountDownLatch started = new CountDownLatch(1);
        volatile Consumer<WebSocket> onOpen = socket -> { };
        volatile boolean echo;
        final WriteDemandWatch writes = WriteDemandWatch.on(this);

        ViewerSocketStandIn() {
            super(new InetSocketAddress("127.0.0.1", 0));
            setReuseAddr(true);
        }

        @Override
        public void onOpen(WebSocket socket, ClientHandshake handshake) {
            requests.add(handshake.getResourceDescriptor());
            onOpen.accept(socket);
        }

        @Override
        public void onClose(WebSocket socket, int code, String reason, boolean remote) {
            closes.add(code);
        }

        @Override
        public void onMessage(WebSocket socket, String message) {
        }

        @Override
        public void onMessage(WebSocket socket, ByteBuffer message) {
            byte[] copy = new byte[message.remaining()];
            message.get(copy);
            frames.add(copy);
            if (echo) {
                socket.send(copy);
            }
        }

        @Override
        public void onError(WebSocket socket, Exception ex) {
        }

        @Override
        public void onStart() {
            started.countDown();
        }

        TandemServerUrl url() {
            return TandemServerUrl.parse("http://127.0.0.1:" + getPort());
        }
    }

    private void start(ViewerSocketStandIn standIn) throws Exception {
        server = standIn;
        server.start();
        assertThat(server.started.await(5, TimeUnit.SECONDS)).isTrue();
        bridge = VncBridge.start(ListenAddress.parse(":0"), server.url(), "s_42", "secret-token", notices::add);
    }

    private Socket viewer() throws IOException {
        Socket socket = new Socket("127.0.0.1", bridge.address().port());
        socket.setSoTimeout(5000);
        return socket;
    }

    @AfterEach
    void stop() throws Exception {
        if (bridge != null) {
            bridge.close();
        }
        if (server != null) {
            server.writes.close();
            server.stop(1000);
        }
    }

    @Test
    void bytesPassBothWaysUnchangedInFramesOfAtMost32KiB() throws Exception {
        ViewerSocketStandIn standIn = new ViewerSocketStandIn();
        standIn.echo = true;
        start(standIn);
        byte[] sent = new byte[300_000];
        new Random(7).nextBytes(sent);
        try (Socket viewer = viewer()) {
            viewer.getOutputStream().write(sent);
            viewer.getOutputStream().flush();
            byte[] back = new byte[sent.length];
            new DataInputStream(viewer.getInputStream()).readFully(back);
            assertThat(back).isEqualTo(sent);
        }
        assertThat(server.requests.poll(5, TimeUnit.SECONDS)).isEqualTo("/ws/screen/s_42?token=secret-token");
        assertThat(server.frames).allSatisfy(frame -> assertThat(frame.length).isBetween(1, ViewerTunnel.CHUNK));
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        server.frames.forEach(received::writeBytes);
        assertThat(received.toByteArray()).isEqualTo(sent);
    }

    @Test
    void aRefusalClosesTheViewerAndSaysWhatToDo() throws Exception {
        ViewerSocketStandIn standIn = new ViewerSocketStandIn();
        standIn.onOpen = socket -> socket.close(4031, "The screen is not shared.");
        start(standIn);
        try (Socket viewer = viewer()) {
            assertThat(readToEnd(viewer.getInputStream())).isEmpty();
        }
        String notice = notices.poll(5, TimeUnit.SECONDS);
        assertThat(notice).startsWith("VNC viewer 127.0.0.1:").contains("the screen is not shared [4031]")
                .endsWith("ask the customer from the console or run with --request");
        assertThat(notices).isEmpty();
    }

    @Test
    void aViewerAtANodeWithoutThePhoneIsToldToReconnect() throws Exception {
        ViewerSocketStandIn standIn = new ViewerSocketStandIn();
        standIn.onOpen = socket -> socket.close(4409, "The session is on another node; reconnect with ?node=a");
        start(standIn);
        try (Socket viewer = viewer()) {
            assertThat(readToEnd(viewer.getInputStream())).isEmpty();
        }
        assertThat(notices.poll(5, TimeUnit.SECONDS)).contains("the phone is connected to another node of the server")
                .contains("[4409]: reconnect the viewer");
    }

    @Test
    void theCustomerStoppingMidStreamEndsTheViewerWithTheReason() throws Exception {
        ViewerSocketStandIn standIn = new ViewerSocketStandIn();
        CountDownLatch opened = new CountDownLatch(1);
        List<WebSocket> sockets = new CopyOnWriteArrayList<>();
        standIn.onOpen = socket -> {
            sockets.add(socket);
            socket.send("RFB 003.008\n".getBytes());
            opened.countDown();
        };
        start(standIn);
        try (Socket viewer = viewer()) {
            byte[] greeting = new byte[12];
            new DataInputStream(viewer.getInputStream()).readFully(greeting);
            assertThat(new String(greeting)).isEqualTo("RFB 003.008\n");
            assertThat(opened.await(5, TimeUnit.SECONDS)).isTrue();
            sockets.get(0).close(4032, "The customer stopped sharing the screen.");
            assertThat(readToEnd(viewer.getInputStream())).isEmpty();
        }
        assertThat(notices.poll(5, TimeUnit.SECONDS)).contains("the customer stopped sharing [4032]");
    }

    @Test
    void aViewerLeavingClosesItsViewerSocketNormallyAndQuietly() throws Exception {
        start(new ViewerSocketStandIn());
        try (Socket viewer = viewer()) {
            viewer.getOutputStream().write("RFB 003.008\n".getBytes());
            viewer.getOutputStream().flush();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (server.frames.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        }
        assertThat(server.closes.poll(5, TimeUnit.SECONDS)).isEqualTo(1000);
        assertThat(notices.poll(300, TimeUnit.MILLISECONDS)).isNull();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (bridge.viewers() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(bridge.viewers()).isZero();
    }

    @Test
    void anUnreachableServerClosesTheViewerWithALine() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        bridge = VncBridge.start(ListenAddress.parse(":0"), TandemServerUrl.parse("http://127.0.0.1:" + closedPort),
                "s_1", "t", notices::add);
        try (Socket viewer = viewer()) {
            assertThat(readToEnd(viewer.getInputStream())).isEmpty();
        }
        assertThat(notices.poll(5, TimeUnit.SECONDS)).contains("check that the server is reachable");
    }

    private static byte[] readToEnd(InputStream in) throws IOException {
        return in.readAllBytes();
    }
}
