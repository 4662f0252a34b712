package dev.tandem.server.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.protocol.ProtocolException;
import dev.tandem.protocol.TandemStatus;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RfbClientFilterTest {
    private static final byte[] HANDSHAKE = concat("RFB 003.008\n".getBytes(StandardCharsets.US_ASCII), new byte[] {1, 1});
    private static final byte[] REQUEST = {3, 1, 0, 0, 0, 0, 4, 56, 9, 96};
    private static final byte[] POINTER = {5, 1, 0, 10, 0, 20};
    private static final byte[] KEY = {4, 1, 0, 0, 0, 0, (byte) 0xFF, 0x1B};
    private static final byte[] CUT = {6, 0, 0, 0, 0, 0, 0, 2, 'h', 'i'};
    private static final byte[] ENCODINGS = {2, 0, 0, 2, 0, 0, 0, 16, 0, 0, 0, 0};
    /** SetDesktopSize 450x1000 with one screen: a view-only viewer may size its own picture. */
    private static final byte[] DESKTOP_SIZE = {(byte) 251, 0, 1, (byte) 0xC2, 3, (byte) 0xE8, 1, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 1, (byte) 0xC2, 3, (byte) 0xE8, 0, 0, 0, 0};
    private static final byte[] CONTINUOUS = {(byte) 150, 1, 0, 0, 0, 0, 4, 56, 9, 96};
    private static final byte[] FENCE = {(byte) 248, 0, 0, 0, 0, 0, 0, 3, 2, 'o', 'k'};

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    @Test
    void withoutControlInputIsDroppedAndEverythingElsePasses() throws ProtocolException {
        RfbClientFilter filter = new RfbClientFilter();
        byte[] all = concat(HANDSHAKE, ENCODINGS, POINTER, REQUEST, KEY, DESKTOP_SIZE, CONTINUOUS, CUT, FENCE, REQUEST);
        byte[] passed = filter.accept(ByteBuffer.wrap(all), false);
        assertThat(passed).isEqualTo(concat(HANDSHAKE, ENCODINGS, REQUEST, DESKTOP_SIZE, CONTINUOUS, FENCE, REQUEST));
        assertThat(filter.droppedInput()).isEqualTo(3);
    }

    @Test
    void withControlEverythingPassesEvenWhenSplitAtEveryByte() throws ProtocolException {
        RfbClientFilter filter = new RfbClientFilter();
        byte[] all = concat(HANDSHAKE, ENCODINGS, POINTER, KEY, DESKTOP_SIZE, FENCE, CONTINUOUS, CUT, REQUEST);
        ByteArrayOutputStream passed = new ByteArrayOutputStream();
        for (byte b : all) {
            passed.writeBytes(filter.accept(ByteBuffer.wrap(new byte[] {b}), true));
        }
        assertThat(passed.toByteArray()).isEqualTo(all);
    }

    @Test
    void rfb33HasNoSecurityChoice() throws ProtocolException {
        RfbClientFilter filter = new RfbClientFilter();
        byte[] all = concat("RFB 003.003\n".getBytes(StandardCharsets.US_ASCII), new byte[] {1}, POINTER, REQUEST);
        assertThat(filter.accept(ByteBuffer.wrap(all), false))
                .isEqualTo(concat("RFB 003.003\n".getBytes(StandardCharsets.US_ASCII), new byte[] {1}, REQUEST));
    }

    @Test
    void unknownTypesAndHugeClipboardsAreMalformed() throws ProtocolException {
        RfbClientFilter unknown = new RfbClientFilter();
        unknown.accept(ByteBuffer.wrap(HANDSHAKE), true);
        assertThatThrownBy(() -> unknown.accept(ByteBuffer.wrap(new byte[] {99}), true))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.status()).isEqualTo(TandemStatus.MALFORMED));

        RfbClientFilter huge = new RfbClientFilter();
        huge.accept(ByteBuffer.wrap(HANDSHAKE), true);
        assertThatThrownBy(() -> huge.accept(ByteBuffer.wrap(new byte[] {6, 0, 0, 0, 0x7F, 0, 0, 0}), true))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("clipboard");
    }

    @Test
    void aViewerThatDoesNotSpeakRfbIsMalformed() {
        RfbClientFilter filter = new RfbClientFilter();
        assertThatThrownBy(() -> filter.accept(ByteBuffer.wrap("GET / HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII)), true))
                .isInstanceOf(ProtocolException.class);
    }
}
