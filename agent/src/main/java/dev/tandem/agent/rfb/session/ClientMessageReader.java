package dev.tandem.agent.rfb.session;

import dev.tandem.agent.rfb.encoding.PixelFormat;
import dev.tandem.agent.rfb.encoding.Rect;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads the client-to-server messages of RFC 6143 7.5 and hands each to a {@link Handler}. Anything
 * malformed, unknown or unsupported ends the stream with a {@link StreamEndException} naming it, so
 * one broken viewer never confuses the phone. Not thread-safe: the stream's reader thread owns it.
 */
final class ClientMessageReader {

    /** What the viewer asked for, one call per message. Called on the reader thread. */
    interface Handler {
        void pixelFormat(PixelFormat format);

        void encodings(ViewerEncodings encodings);

        void updateRequest(UpdateRequest request);

        void key(boolean down, int keysym);

        void pointer(int buttonMask, int x, int y);

        void cutText(String text);

        /** SetDesktopSize: the viewer asks for a framebuffer of this size ({@code screens} in its layout). */
        void desktopSize(int width, int height, int screens);

        /** EnableContinuousUpdates: push changes in {@code area} without requests, or stop. */
        void continuousUpdates(boolean enable, Rect area);

        /** Fence: an echo of ours, or a request of the viewer's own ({@code flags} bit 31). */
        void fence(int flags, byte[] payload);
    }

    private static final int SET_PIXEL_FORMAT = 0;
    private static final int SET_ENCODINGS = 2;
    private static final int FRAMEBUFFER_UPDATE_REQUEST = 3;
    private static final int KEY_EVENT = 4;
    private static final int POINTER_EVENT = 5;
    private static final int CLIENT_CUT_TEXT = 6;
    /** The ExtendedDesktopSize extension's request (RFB community protocol; noVNC and TigerVNC send it). */
    private static final int SET_DESKTOP_SIZE = 251;
    private static final int SCREEN_BYTES = 16;
    private static final int ENABLE_CONTINUOUS_UPDATES = ContinuousUpdates.END_OF_CONTINUOUS_UPDATES;
    private static final int CLIENT_FENCE = ContinuousUpdates.FENCE;
    private static final int MAX_FENCE_PAYLOAD = 64;

    private final DataInputStream in;
    private final int maxCutTextBytes;

    ClientMessageReader(DataInputStream in, int maxCutTextBytes) {
        this.in = in;
        this.maxCutTextBytes = maxCutTextBytes;
    }

    /** Reads one message and calls {@code handler}; an orderly end of the channel is an {@link java.io.EOFException}. */
    void readOne(Handler handler) throws IOException, StreamEndException {
        int type = in.readUnsignedByte();
        switch (type) {
            case SET_PIXEL_FORMAT:
                handler.pixelFormat(readPixelFormat());
                break;
            case SET_ENCODINGS:
                in.readUnsignedByte();
                int[] encodings = new int[in.readUnsignedShort()];
                for (int i = 0; i < encodings.length; i++) {
                    encodings[i] = in.readInt();
                }
                handler.encodings(ViewerEncodings.of(encodings));
                break;
            case FRAMEBUFFER_UPDATE_REQUEST:
                boolean incremental = in.readUnsignedByte() != 0;
                Rect area = Rect.of(in.readUnsignedShort(), in.readUnsignedShort(), in.readUnsignedShort(),
                        in.readUnsignedShort());
                handler.updateRequest(UpdateRequest.of(area, incremental));
                break;
            case KEY_EVENT:
                boolean down = in.readUnsignedByte() != 0;
                in.readUnsignedShort();
                handler.key(down, in.readInt());
                break;
            case POINTER_EVENT:
                int mask = in.readUnsignedByte();
                handler.pointer(mask, in.readUnsignedShort(), in.readUnsignedShort());
                break;
            case CLIENT_CUT_TEXT:
                handler.cutText(readCutText());
                break;
            case SET_DESKTOP_SIZE:
                in.readUnsignedByte();
                int width = in.readUnsignedShort();
                int height = in.readUnsignedShort();
                int screens = in.readUnsignedByte();
                in.readUnsignedByte();
                // The layout of the viewer's monitors is moot: a phone has one screen, the whole framebuffer.
                in.readFully(new byte[screens * SCREEN_BYTES]);
                handler.desktopSize(width, height, screens);
                break;
            case ENABLE_CONTINUOUS_UPDATES:
                boolean enable = in.readUnsignedByte() != 0;
                handler.continuousUpdates(enable, Rect.of(in.readUnsignedShort(), in.readUnsignedShort(),
                        in.readUnsignedShort(), in.readUnsignedShort()));
                break;
            case CLIENT_FENCE:
                in.readFully(new byte[3]);
                int flags = in.readInt();
                int length = in.readUnsignedByte();
                if (length > MAX_FENCE_PAYLOAD) {
                    throw StreamEndException.protocol("a fence payload of " + length + " bytes is over the 64 allowed");
                }
                byte[] payload = new byte[length];
                in.readFully(payload);
                handler.fence(flags, payload);
                break;
            default:
                throw StreamEndException.protocol("unknown client message type " + type + "; this server speaks RFB 3.8"
                        + " (RFC 6143) with the ExtendedDesktopSize, ContinuousUpdates and Fence extensions");
        }
    }

    private PixelFormat readPixelFormat() throws IOException, StreamEndException {
        in.readFully(new byte[3]);
        byte[] wire = new byte[PixelFormat.WIRE_SIZE];
        in.readFully(wire);
        PixelFormat format;
        try {
            format = PixelFormat.read(wire);
        } catch (IllegalArgumentException e) {
            throw StreamEndException.protocol("invalid pixel format: " + e.getMessage());
        }
        if (!format.trueColour()) {
            throw StreamEndException.protocol("colour-map pixel formats are not supported; set the viewer to"
                    + " true colour (full colour, or at least 8-bit true colour)");
        }
        return format;
    }

    private String readCutText() throws IOException, StreamEndException {
        in.readFully(new byte[3]);
        long length = in.readInt() & 0xFFFFFFFFL;
        if (length > maxCutTextBytes) {
            throw StreamEndException.protocol("clipboard text of " + length + " bytes is over the limit of "
                    + maxCutTextBytes + "; paste shorter pieces");
        }
        byte[] text = new byte[(int) length];
        in.readFully(text);
        // RFC 6143 7.5.6: the text is ISO 8859-1 with "\n" line ends.
        return new String(text, StandardCharsets.ISO_8859_1);
    }
}
