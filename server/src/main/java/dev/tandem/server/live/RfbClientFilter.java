package dev.tandem.server.live;

import dev.tandem.protocol.ProtocolException;
import dev.tandem.protocol.TandemStatus;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads what one viewer sends to the phone just far enough to find the RFB client messages' edges
 * (RFC 6143 section 7.5, plus SetDesktopSize, EnableContinuousUpdates and ClientFence of the
 * community extensions noVNC and TigerVNC use), without looking at pixels: the handshake passes through, and so do the
 * messages, except that PointerEvent, KeyEvent and ClientCutText are dropped while the customer has
 * not granted control. The phone drops them too; this is the server's own line of defence.
 *
 * <p>Bytes arrive in arbitrary pieces; an incomplete message waits for the rest. A message type
 * outside that set, or an absurd length, is a {@link TandemStatus#MALFORMED} viewer.
 * Not thread-safe: one viewer's frames are read one at a time.
 */
final class RfbClientFilter {
    /** The longest ClientCutText passed on; the phone refuses much less (4 KiB) itself. */
    static final int MAX_CUT_TEXT = 1 << 20;
    private static final int VERSION_BYTES = 12;

    private enum Phase { VERSION, SECURITY, CLIENT_INIT, MESSAGES }

    private Phase phase = Phase.VERSION;
    private byte[] carry = new byte[0];
    private long dropped;

    /**
     * Takes the next bytes from the viewer and returns what may go on to the phone (possibly nothing).
     *
     * @param controlGranted whether the customer currently allows control
     */
    byte[] accept(ByteBuffer bytes, boolean controlGranted) throws ProtocolException {
        byte[] data = join(carry, bytes);
        ByteArrayOutputStream forward = new ByteArrayOutputStream(data.length);
        int at = 0;
        while (at < data.length) {
            int length = unitLength(data, at);
            if (length < 0 || at + length > data.length) {
                break; // wait for the rest
            }
            boolean input = phase == Phase.MESSAGES && isInput(data[at]);
            if (input && !controlGranted) {
                dropped++;
            } else {
                forward.write(data, at, length);
            }
            advance(data, at);
            at += length;
        }
        carry = Arrays.copyOfRange(data, at, data.length);
        return forward.toByteArray();
    }

    /** How many input messages were dropped because control was not granted. */
    long droppedInput() {
        return dropped;
    }

    /** The length of the unit starting at {@code at}, or -1 when its header is not complete yet. */
    private int unitLength(byte[] data, int at) throws ProtocolException {
        int available = data.length - at;
        switch (phase) {
            case VERSION:
                return VERSION_BYTES;
            case SECURITY:
            case CLIENT_INIT:
                return 1;
            default:
                break;
        }
        int type = data[at] & 0xFF;
        switch (type) {
            case 0: // SetPixelFormat
                return 20;
            case 2: // SetEncodings
                return available < 4 ? -1 : 4 + 4 * u16(data, at + 2);
            case 3: // FramebufferUpdateRequest
                return 10;
            case 4: // KeyEvent
                return 8;
            case 5: // PointerEvent
                return 6;
            case 6: // ClientCutText
                if (available < 8) {
                    return -1;
                }
                long length = u32(data, at + 4);
                if (length > MAX_CUT_TEXT) {
                    throw new ProtocolException(TandemStatus.MALFORMED,
                            "The viewer sent a clipboard text of " + length + " bytes; at most " + MAX_CUT_TEXT + ".");
                }
                return 8 + (int) length;
            case 251: // SetDesktopSize (ExtendedDesktopSize extension): the viewer asks for a frame size
                return available < 8 ? -1 : 8 + 16 * (data[at + 6] & 0xFF);
            case 150: // EnableContinuousUpdates (ContinuousUpdates extension)
                return 10;
            case 248: // ClientFence (Fence extension): a payload of at most 64 bytes
                if (available < 9) {
                    return -1;
                }
                int payload = data[at + 8] & 0xFF;
                if (payload > 64) {
                    throw new ProtocolException(TandemStatus.MALFORMED,
                            "The viewer sent a fence of " + payload + " bytes; at most 64.");
                }
                return 9 + payload;
            default:
                throw new ProtocolException(TandemStatus.MALFORMED,
                        "The viewer sent the unknown RFB message type " + type + ".");
        }
    }

    /** Moves past a complete unit: the handshake phases, then messages. */
    private void advance(byte[] data, int at) throws ProtocolException {
        switch (phase) {
            case VERSION:
                String version = new String(data, at, VERSION_BYTES, StandardCharsets.US_ASCII);
                if (!version.startsWith("RFB ") || version.charAt(VERSION_BYTES - 1) != '\n') {
                    throw new ProtocolException(TandemStatus.MALFORMED, "The viewer does not speak RFB.");
                }
                // RFB 3.3 has no security-type choice by the client; 3.7 and 3.8 do.
                phase = version.startsWith("RFB 003.003") ? Phase.CLIENT_INIT : Phase.SECURITY;
                break;
            case SECURITY:
                phase = Phase.CLIENT_INIT;
                break;
            case CLIENT_INIT:
                phase = Phase.MESSAGES;
                break;
            default:
                break;
        }
    }

    private static boolean isInput(byte type) {
        return type == 4 || type == 5 || type == 6;
    }

    private static int u16(byte[] data, int at) {
        return ((data[at] & 0xFF) << 8) | (data[at + 1] & 0xFF);
    }

    private static long u32(byte[] data, int at) {
        return ((long) u16(data, at) << 16) | u16(data, at + 2);
    }

    private static byte[] join(byte[] carry, ByteBuffer bytes) {
        byte[] data = new byte[carry.length + bytes.remaining()];
        System.arraycopy(carry, 0, data, 0, carry.length);
        bytes.duplicate().get(data, carry.length, bytes.remaining());
        return data;
    }
}
