package dev.tandem.agent.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.enums.Opcode;
import org.java_websocket.enums.Role;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.framing.Framedata;
import org.java_websocket.framing.PingFrame;
import org.junit.jupiter.api.Test;

class BulkMaskingDraftTest {

    private static BulkMaskingDraft client() {
        BulkMaskingDraft draft = new BulkMaskingDraft();
        draft.setParseMode(Role.CLIENT);
        return draft;
    }

    /** What a server (Java-WebSocket's own RFC 6455 parser) reads from the bytes a client wrote. */
    private static List<Framedata> serverReads(ByteBuffer wire) throws Exception {
        Draft_6455 server = new Draft_6455();
        server.setParseMode(Role.SERVER);
        return server.translateFrame(wire);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.duplicate().get(out);
        return out;
    }

    @Test
    void binaryFramesOfEveryLengthClassReachTheServerUnchanged() throws Exception {
        Random random = new Random(7);
        for (int length : new int[] {0, 1, 3, 7, 8, 9, 125, 126, 127, 65_531, 65_535, 65_536, 200_003}) {
            byte[] data = new byte[length];
            random.nextBytes(data);
            BulkMaskingDraft draft = client();
            List<Framedata> frames = draft.createFrames(ByteBuffer.wrap(data), true);
            ByteBuffer wire = draft.createBinaryFrame(frames.get(0));

            List<Framedata> read = serverReads(wire);

            assertThat(read).hasSize(1);
            assertThat(read.get(0).getOpcode()).isEqualTo(Opcode.BINARY);
            assertThat(read.get(0).isFin()).isTrue();
            assertThat(bytes(read.get(0).getPayloadData())).as("length %d", length).isEqualTo(data);
        }
    }

    @Test
    void maskingStartsAtBothPositionsAndMovesThemPastTheBytes() {
        byte[] data = new byte[64];
        new Random(3).nextBytes(data);
        int key = 0x1234_ABCD;
        for (int length = 0; length <= 21; length++) {
            ByteBuffer payload = ByteBuffer.wrap(data, 5, length);
            ByteBuffer out = ByteBuffer.allocate(40).position(3);

            BulkMaskingDraft.mask(payload, key, out);

            assertThat(payload.position()).isEqualTo(5 + length);
            assertThat(out.position()).isEqualTo(3 + length);
            for (int i = 0; i < length; i++) {
                byte keyByte = (byte) (key >>> (24 - 8 * (i % 4)));
                assertThat(out.get(3 + i)).as("length %d, byte %d", length, i).isEqualTo((byte) (data[5 + i] ^ keyByte));
            }
            assertThat(out.get(3 + length)).as("nothing written past the bytes").isZero();
        }
    }

    @Test
    void framesAreMaskedWithAFreshKeyAndTheSameLayoutAsJavaWebSocketsOwn() throws Exception {
        byte[] data = new byte[1000];
        BulkMaskingDraft draft = client();
        Draft_6455 reference = new Draft_6455();
        reference.setParseMode(Role.CLIENT);

        ByteBuffer first = draft.createBinaryFrame(draft.createFrames(ByteBuffer.wrap(data), false).get(0));
        ByteBuffer second = draft.createBinaryFrame(draft.createFrames(ByteBuffer.wrap(data), false).get(0));
        ByteBuffer theirs = reference.createBinaryFrame(reference.createFrames(ByteBuffer.wrap(data), false).get(0));

        assertThat(first.remaining()).isEqualTo(theirs.remaining());
        assertThat(first.get(0)).isEqualTo(theirs.get(0));
        assertThat(first.get(1)).isEqualTo(theirs.get(1)).isEqualTo((byte) (0x80 | 126));
        // All-zero data shows the key itself; two frames with one key would be a broken generator.
        assertThat(bytes(first.position(8))).isNotEqualTo(bytes(second.position(8)));
    }

    @Test
    void textControlAndCloseFramesKeepTheirOpcodes() throws Exception {
        BulkMaskingDraft draft = client();
        Framedata text = draft.createFrames("héllo", true).get(0);
        PingFrame ping = new PingFrame();
        CloseFrame close = new CloseFrame();
        close.setCode(4000);
        close.setReason("bye");

        assertThat(new String(bytes(serverReads(draft.createBinaryFrame(text)).get(0).getPayloadData()),
                StandardCharsets.UTF_8)).isEqualTo("héllo");
        assertThat(serverReads(draft.createBinaryFrame(ping)).get(0).getOpcode()).isEqualTo(Opcode.PING);
        Framedata closeRead = serverReads(draft.createBinaryFrame(close)).get(0);
        assertThat(closeRead).isInstanceOf(CloseFrame.class);
        assertThat(((CloseFrame) closeRead).getCloseCode()).isEqualTo(4000);
        assertThat(((CloseFrame) closeRead).getMessage()).isEqualTo("bye");
    }

    @Test
    void aServerSideInstanceDoesNotMask() {
        BulkMaskingDraft draft = new BulkMaskingDraft();
        draft.setParseMode(Role.SERVER);

        ByteBuffer wire = draft.createBinaryFrame(draft.createFrames(ByteBuffer.wrap(new byte[10]), false).get(0));

        assertThat(wire.get(1) & 0x80).isZero();
        assertThat(draft.copyInstance()).isInstanceOf(BulkMaskingDraft.class);
    }
}
