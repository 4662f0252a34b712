package dev.tandem.agent.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.agent.consent.ConsentKind;
import dev.tandem.agent.consent.ConsentLedger;
import dev.tandem.agent.rfb.encoding.Frame;
import dev.tandem.agent.rfb.session.StreamSettings;
import dev.tandem.agent.screen.PhoneInput;
import dev.tandem.agent.screen.ScreenGeometry;
import dev.tandem.agent.screen.ScreenSize;
import dev.tandem.agent.screen.ScreenSource;
import dev.tandem.protocol.ProtocolException;
import dev.tandem.protocol.stream.StreamFrame;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The phone's RFB servers multiplexed over binary frames, as the session drives them. */
class ScreenStreamsTest {
    private static final int W = 64;
    private static final int H = 32;

    private static final ScreenSource GREY = new ScreenSource() {
        private final Frame frame;

        {
            int[] pixels = new int[W * H];
            Arrays.fill(pixels, 0xFF808080);
            frame = Frame.wrap(W, H, pixels);
        }

        @Override
        public ScreenGeometry geometry() {
            return ScreenGeometry.natural(ScreenSize.of(W, H));
        }

        @Override
        public Frame capture() {
            return frame;
        }
    };

    private static final PhoneInput NOWHERE = PhoneInput.none();

    private final BlockingQueue<ByteBuffer> sent = new LinkedBlockingQueue<>();
    /** The connection as the agent's is: done with a frame's buffer when it returns, so it keeps a copy. */
    private final java.util.function.Consumer<ByteBuffer> sink = frame -> {
        ByteBuffer copy = ByteBuffer.allocate(frame.remaining()).put(frame.duplicate()).flip();
        sent.add(copy);
    };
    private final BlockingQueue<String> ended = new LinkedBlockingQueue<>();
    private final ConsentLedger consent = new ConsentLedger();
    private final ScreenStreams streams = ScreenStreams.create(
            ScreenAccess.of(GREY, NOWHERE, StreamSettings.defaults()), consent);

    private final java.util.Map<Long, byte[]> leftovers = new java.util.HashMap<>();

    /** The next {@code count} bytes of {@code stream} from the sent frames (frames may hold more or less). */
    private byte[] read(long stream, int count) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(leftovers.getOrDefault(stream, new byte[0]));
        while (bytes.size() < count) {
            ByteBuffer frame = sent.poll(5, TimeUnit.SECONDS);
            assertThat(frame).as("a frame from the phone").isNotNull();
            StreamFrame decoded = StreamFrame.decode(frame);
            assertThat(decoded.stream()).isEqualTo(stream);
            ByteBuffer payload = decoded.payload();
            byte[] chunk = new byte[payload.remaining()];
            payload.get(chunk);
            bytes.writeBytes(chunk);
        }
        byte[] all = bytes.toByteArray();
        leftovers.put(stream, Arrays.copyOfRange(all, count, all.length));
        return Arrays.copyOf(all, count);
    }

    private void fromViewer(long stream, byte... bytes) {
        streams.deliver(frame(stream, bytes));
    }

    private static StreamFrame frame(long stream, byte... bytes) {
        try {
            return StreamFrame.decode(StreamFrame.encode(stream, ByteBuffer.wrap(bytes)));
        } catch (ProtocolException e) {
            throw new AssertionError(e);
        }
    }

    private void handshake(long stream) throws Exception {
        assertThat(new String(read(stream, 12), StandardCharsets.US_ASCII)).isEqualTo("RFB 003.008\n");
        fromViewer(stream, "RFB 003.008\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(read(stream, 2)).containsExactly(1, 1); // one security type: None
        fromViewer(stream, (byte) 1);
        assertThat(read(stream, 4)).containsExactly(0, 0, 0, 0);
        fromViewer(stream, (byte) 1);
        byte[] init = read(stream, 24);
        assertThat(ByteBuffer.wrap(init).getShort(0)).isEqualTo((short) W);
        read(stream, ByteBuffer.wrap(init).getInt(20)); // the desktop name
    }

    @Test
    void aViewerGetsPixelsOnlyOnceTheScreenIsGranted() throws Exception {
        assertThat(streams.open(3, sink, (id, reason) -> ended.add(id + " " + reason))).isEmpty();
        handshake(3);
        fromViewer(3, (byte) 3, (byte) 0, (byte) 0, (byte) 0, (byte) 0, (byte) 0, (byte) 0, (byte) W, (byte) 0, (byte) H);
        assertThat(sent.poll(300, TimeUnit.MILLISECONDS)).as("pixels without consent").isNull();

        consent.record(ConsentKind.SCREEN, true);
        byte[] header = read(3, 16);
        assertThat(header[0]).isEqualTo((byte) 0); // FramebufferUpdate
        assertThat(streams.size()).isEqualTo(1);
    }

    @Test
    void aMalformedViewerEndsOnlyItsOwnStreamAndIsReported() throws Exception {
        streams.open(1, sink, (id, reason) -> ended.add(id + " " + reason));
        handshake(1);
        streams.open(2, sink, (id, reason) -> ended.add(id + " " + reason));
        handshake(2);
        fromViewer(1, (byte) 99);
        assertThat(ended.poll(5, TimeUnit.SECONDS)).startsWith("1 ");
        assertThat(streams.size()).isEqualTo(1);
        streams.close(2);
        assertThat(streams.size()).isZero();
        assertThat(ended.poll(500, TimeUnit.MILLISECONDS)).as("a stream the server closed is not reported").isNull();
    }

    @Test
    void anIdAlreadyInUseIsRefused() {
        streams.open(5, sink, (id, reason) -> { });
        assertThat(streams.open(5, sink, (id, reason) -> { })).isPresent();
        streams.closeAll();
        assertThat(streams.size()).isZero();
    }

    @Test
    void aChatOnlyPhoneOpensNothing() {
        ScreenStreams none = ScreenStreams.create(null, consent);
        assertThat(none.open(1, sink, (id, reason) -> { })).contains("This phone cannot share its screen.");
    }

    @Test
    void viewerBytesAreBoundedAndCloseWakesTheReader() throws Exception {
        ViewerBytes bytes = new ViewerBytes(8);
        assertThat(bytes.offer(ByteBuffer.wrap(new byte[] {1, 2, 3, 4, 5}))).isTrue();
        assertThat(bytes.offer(ByteBuffer.wrap(new byte[] {6, 7, 8, 9}))).as("over capacity").isFalse();
        byte[] into = new byte[10];
        assertThat(bytes.read(into, 0, 10)).isEqualTo(5);
        Thread closer = new Thread(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
            bytes.close();
        });
        closer.start();
        assertThat(bytes.read()).isEqualTo(-1);
    }

    @Test
    void frameOutputSplitsAtTheFrameLimitAndSendsOnFlush() throws Exception {
        FrameOutput out = new FrameOutput(9, sink);
        out.write(new byte[StreamFrame.MAX_PAYLOAD + 10]);
        assertThat(sent).hasSize(1);
        out.flush();
        assertThat(sent).hasSize(2);
        out.close();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> out.write(1)).isInstanceOf(java.io.IOException.class);
    }

    @Test
    void frameOutputFillsItsOneBufferAgainOnlyAfterTheConnectionTookTheFrame() throws Exception {
        byte[] written = new byte[2 * StreamFrame.MAX_PAYLOAD + 1_234];
        new java.util.Random(5).nextBytes(written);
        FrameOutput out = new FrameOutput(9, sink);
        out.write(written, 0, 1_000);
        out.write(written, 1_000, written.length - 1_000);
        out.flush();

        java.io.ByteArrayOutputStream payloads = new java.io.ByteArrayOutputStream();
        for (ByteBuffer frame = sent.poll(); frame != null; frame = sent.poll()) {
            StreamFrame decoded = StreamFrame.decode(frame);
            assertThat(decoded.stream()).isEqualTo(9);
            ByteBuffer payload = decoded.payload();
            byte[] bytes = new byte[payload.remaining()];
            payload.get(bytes);
            payloads.writeBytes(bytes);
        }
        assertThat(payloads.toByteArray()).isEqualTo(written);
    }
}
