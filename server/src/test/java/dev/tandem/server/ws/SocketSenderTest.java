package dev.tandem.server.ws;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.junit.jupiter.api.Test;

/**
 * The sender against a recording stand-in for Jetty's {@link Session} whose sends complete only when
 * the test says so, which makes "one frame in flight" and the joining of queued frames observable.
 */
class SocketSenderTest {

    /** Jetty's session as far as the sender uses it: sends are recorded and completed by hand. */
    private static final class Socket {
        final List<Object> sent = new ArrayList<>();
        final List<Callback> pending = new ArrayList<>();
        Integer closedWith;
        final Session session = (Session) Proxy.newProxyInstance(Session.class.getClassLoader(),
                new Class<?>[] {Session.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "sendBinary": {
                            ByteBuffer frame = (ByteBuffer) args[0];
                            byte[] copy = new byte[frame.remaining()];
                            frame.duplicate().get(copy);
                            sent.add(copy);
                            pending.add((Callback) args[1]);
                            return null;
                        }
                        case "sendText":
                            sent.add(args[0]);
                            pending.add((Callback) args[1]);
                            return null;
                        case "sendPing":
                            sent.add("ping");
                            pending.add((Callback) args[1]);
                            return null;
                        case "close":
                            if (args != null && args.length == 3) {
                                closedWith = (Integer) args[0];
                            }
                            return null;
                        case "isOpen":
                            return closedWith == null;
                        case "hashCode":
                            return System.identityHashCode(proxy);
                        case "equals":
                            return proxy == args[0];
                        case "toString":
                            return "recording session";
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });

        /** Completes the oldest send that is still in flight. */
        void complete() {
            pending.remove(0).succeed();
        }
    }

    private static ByteBuffer bytes(int from, int count) {
        ByteBuffer frame = ByteBuffer.allocate(count);
        for (int i = 0; i < count; i++) {
            frame.put((byte) (from + i));
        }
        return frame.flip();
    }

    private static byte[] array(int from, int count) {
        return bytes(from, count).array();
    }

    @Test
    void aByteStreamSenderJoinsBinaryFramesThatQueuedWhileOneWasInFlight() {
        Socket socket = new Socket();
        SocketSender sender = SocketSender.forByteStream(socket.session);

        sender.send(bytes(0, 3));
        sender.send(bytes(3, 4));
        sender.send(bytes(7, 5));
        assertThat(socket.sent).hasSize(1);
        socket.complete();

        assertThat(socket.sent).hasSize(2);
        assertThat((byte[]) socket.sent.get(0)).isEqualTo(array(0, 3));
        assertThat((byte[]) socket.sent.get(1)).isEqualTo(array(3, 9));
        socket.complete();
        assertThat(socket.pending).isEmpty();
    }

    @Test
    void joiningKeepsTextAndPingsInTheirPlace() {
        Socket socket = new Socket();
        SocketSender sender = SocketSender.forByteStream(socket.session);

        sender.send(bytes(0, 2));
        sender.send(bytes(2, 2));
        sender.ping();
        sender.send(bytes(4, 2));
        sender.send("text");
        sender.send(bytes(6, 2));
        sender.send(bytes(8, 2));
        while (!socket.pending.isEmpty()) {
            socket.complete();
        }

        assertThat(socket.sent).hasSize(6);
        assertThat((byte[]) socket.sent.get(0)).isEqualTo(array(0, 2));
        assertThat((byte[]) socket.sent.get(1)).isEqualTo(array(2, 2));
        assertThat(socket.sent.get(2)).isEqualTo("ping");
        assertThat((byte[]) socket.sent.get(3)).isEqualTo(array(4, 2));
        assertThat(socket.sent.get(4)).isEqualTo("text");
        assertThat((byte[]) socket.sent.get(5)).isEqualTo(array(6, 4));
    }

    @Test
    void aJoinedFrameStaysWithinItsLimitAndTheRestFollowsInOrder() {
        Socket socket = new Socket();
        SocketSender sender = new SocketSender(socket.session, 100, 1 << 20, 10);

        sender.send(bytes(0, 1));
        for (int i = 0; i < 5; i++) {
            sender.send(bytes(1 + 4 * i, 4));
        }
        while (!socket.pending.isEmpty()) {
            socket.complete();
        }

        assertThat(socket.sent).hasSize(4);
        assertThat((byte[]) socket.sent.get(1)).isEqualTo(array(1, 8));
        assertThat((byte[]) socket.sent.get(2)).isEqualTo(array(9, 8));
        assertThat((byte[]) socket.sent.get(3)).isEqualTo(array(17, 4));
    }

    @Test
    void aMessageSenderNeverJoinsFrames() {
        Socket socket = new Socket();
        SocketSender sender = new SocketSender(socket.session);

        sender.send(bytes(0, 3));
        sender.send(bytes(3, 3));
        sender.send(bytes(6, 3));
        while (!socket.pending.isEmpty()) {
            socket.complete();
        }

        assertThat(socket.sent).hasSize(3);
        assertThat((byte[]) socket.sent.get(2)).isEqualTo(array(6, 3));
    }

    @Test
    void aPeerThatFallsBehindTheByteBoundIsClosedAndNothingMoreIsQueued() {
        Socket socket = new Socket();
        SocketSender sender = new SocketSender(socket.session, 100, 10, 1 << 20);

        assertThat(sender.send(bytes(0, 6))).isTrue();
        assertThat(sender.send(bytes(6, 6))).isTrue();
        assertThat(sender.send(bytes(12, 6))).isFalse();

        assertThat(socket.closedWith).isEqualTo(1008);
        assertThat(sender.send(bytes(18, 1))).isFalse();
        assertThat(socket.sent).hasSize(1);
    }

    @Test
    void aCloseWaitsForTheQueuedFramesWhichStillLeaveJoined() {
        Socket socket = new Socket();
        SocketSender sender = SocketSender.forByteStream(socket.session);

        sender.send(bytes(0, 2));
        sender.send(bytes(2, 2));
        sender.send(bytes(4, 2));
        sender.close(1000, "bye");
        assertThat(socket.closedWith).isNull();
        socket.complete();
        assertThat((byte[]) socket.sent.get(1)).isEqualTo(array(2, 4));
        socket.complete();

        assertThat(socket.closedWith).isEqualTo(1000);
    }
}
