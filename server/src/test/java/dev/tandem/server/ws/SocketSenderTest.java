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
 * the test says so, which makes "one frame (or batch) in flight" and the batching of queued frames
 * observable.
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
    void aByteStreamSenderHandsOverTogetherTheBinaryFramesThatQueuedWhileOneWasInFlight() {
        Socket socket = new Socket();
        SocketSender sender = SocketSender.forByteStream(socket.session);

        sender.send(bytes(0, 3));
        sender.send(bytes(3, 4));
        sender.send(bytes(7, 5));
        assertThat(socket.sent).hasSize(1);
        socket.complete();

        assertThat(socket.sent).hasSize(3);
        assertThat((byte[]) socket.sent.get(0)).isEqualTo(array(0, 3));
        assertThat((byte[]) socket.sent.get(1)).isEqualTo(array(3, 4));
        assertThat((byte[]) socket.sent.get(2)).isEqualTo(array(7, 5));
        socket.complete();
        sender.send(bytes(12, 1));
        assertThat(socket.sent).as("the batch is in flight until its last frame is sent").hasSize(3);
        socket.complete();
        assertThat(socket.sent).hasSize(4);
        socket.complete();
        assertThat(socket.pending).isEmpty();
    }

    @Test
    void aByteStreamSenderHandsOverTheQueuedBuffersThemselvesNotCopies() {
        List<ByteBuffer> handed = new ArrayList<>();
        Socket socket = new Socket();
        Session session = (Session) Proxy.newProxyInstance(Session.class.getClassLoader(), new Class<?>[] {Session.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("sendBinary")) {
                        handed.add((ByteBuffer) args[0]);
                    }
                    return method.invoke(socket.session, args);
                });
        SocketSender sender = SocketSender.forByteStream(session);
        ByteBuffer first = bytes(0, 3);
        ByteBuffer second = bytes(3, 4);
        ByteBuffer third = bytes(7, 5);

        sender.send(first);
        sender.send(second);
        sender.send(third);
        socket.complete();

        assertThat(handed).hasSize(3);
        assertThat(handed.get(0)).isSameAs(first);
        assertThat(handed.get(1)).isSameAs(second);
        assertThat(handed.get(2)).isSameAs(third);
    }

    @Test
    void batchingKeepsTextAndPingsInTheirPlace() {
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

        assertThat(socket.sent).hasSize(7);
        assertThat((byte[]) socket.sent.get(0)).isEqualTo(array(0, 2));
        assertThat((byte[]) socket.sent.get(1)).isEqualTo(array(2, 2));
        assertThat(socket.sent.get(2)).isEqualTo("ping");
        assertThat((byte[]) socket.sent.get(3)).isEqualTo(array(4, 2));
        assertThat(socket.sent.get(4)).isEqualTo("text");
        assertThat((byte[]) socket.sent.get(5)).isEqualTo(array(6, 2));
        assertThat((byte[]) socket.sent.get(6)).isEqualTo(array(8, 2));
    }

    @Test
    void aBatchStaysWithinItsLimitAndTheRestFollowsInOrder() {
        Socket socket = new Socket();
        SocketSender sender = new SocketSender(socket.session, 100, 1 << 20, 10);

        sender.send(bytes(0, 1));
        for (int i = 0; i < 5; i++) {
            sender.send(bytes(1 + 4 * i, 4));
        }
        assertThat(socket.sent).hasSize(1);
        socket.complete();
        assertThat(socket.sent).as("two frames of 4 bytes fit in a batch of 10").hasSize(3);
        socket.complete();
        assertThat(socket.sent).hasSize(3);
        socket.complete();
        assertThat(socket.sent).hasSize(5);
        while (!socket.pending.isEmpty()) {
            socket.complete();
        }

        assertThat(socket.sent).hasSize(6);
        for (int i = 0; i < 5; i++) {
            assertThat((byte[]) socket.sent.get(1 + i)).isEqualTo(array(1 + 4 * i, 4));
        }
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
    void aCloseWaitsForTheQueuedFramesWhichStillLeaveInOneBatch() {
        Socket socket = new Socket();
        SocketSender sender = SocketSender.forByteStream(socket.session);

        sender.send(bytes(0, 2));
        sender.send(bytes(2, 2));
        sender.send(bytes(4, 2));
        sender.close(1000, "bye");
        assertThat(socket.closedWith).isNull();
        socket.complete();
        assertThat((byte[]) socket.sent.get(2)).isEqualTo(array(4, 2));
        socket.complete();
        assertThat(socket.closedWith).as("one frame of the batch is still in flight").isNull();
        socket.complete();

        assertThat(socket.closedWith).isEqualTo(1000);
    }

    @Test
    void aLentFrameIsGivenBackOnceWhenJettyHasWrittenIt() {
        Socket socket = new Socket();
        SocketSender sender = SocketSender.forByteStream(socket.session);
        List<String> given = new ArrayList<>();

        sender.send(bytes(0, 2), () -> given.add("first"));
        sender.send(bytes(2, 2), () -> given.add("second"));
        sender.send(bytes(4, 2), () -> given.add("third"));
        assertThat(given).isEmpty();
        socket.complete();
        assertThat(given).containsExactly("first");
        socket.complete();
        socket.complete();

        assertThat(given).containsExactly("first", "second", "third");
    }

    @Test
    void lentFramesAreGivenBackWhenTheViewerFallsBehindAndWhenRefused() {
        Socket socket = new Socket();
        SocketSender sender = new SocketSender(socket.session, 100, 10, 1 << 20);
        List<String> given = new ArrayList<>();

        sender.send(bytes(0, 6), () -> given.add("in flight"));
        sender.send(bytes(6, 6), () -> given.add("queued"));
        assertThat(sender.send(bytes(12, 6), () -> given.add("too much"))).isFalse();
        assertThat(given).containsExactlyInAnyOrder("queued", "too much");
        assertThat(sender.send(bytes(18, 1), () -> given.add("after the close"))).isFalse();
        socket.complete();

        assertThat(given).containsExactlyInAnyOrder("queued", "too much", "after the close", "in flight");
    }

    @Test
    void lentFramesAreGivenBackWhenJettyFailsToSend() {
        Socket socket = new Socket();
        SocketSender sender = SocketSender.forByteStream(socket.session);
        List<String> given = new ArrayList<>();

        sender.send(bytes(0, 2), () -> given.add("first"));
        sender.send(bytes(2, 2), () -> given.add("second"));
        socket.pending.remove(0).fail(new java.io.IOException("reset by peer"));

        assertThat(given).containsExactlyInAnyOrder("first", "second");
        assertThat(sender.send(bytes(4, 2), () -> given.add("third"))).isFalse();
        assertThat(given).hasSize(3);
    }
}
