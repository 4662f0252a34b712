package dev.tandem.agent.rfb.session;

import dev.tandem.agent.rfb.encoding.PixelFormat;
import dev.tandem.agent.rfb.encoding.Rect;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A small RFB viewer written from RFC 6143: it parses ServerInit and FramebufferUpdate itself, keeps
 * a framebuffer of pixel values in its current format, decodes Raw and CopyRect itself and ZRLE and
 * Tight with the encoding tests' decoders.
 */
final class TestViewer implements AutoCloseable {
    static final int RAW = 0;
    static final int COPY_RECT = 1;
    static final int TIGHT = 7;
    static final int ZRLE = 16;
    static final int DESKTOP_SIZE = -223;
    static final int EXTENDED_DESKTOP_SIZE = -308;

    /** One rectangle header of a received update. */
    static final class Received {
        final Rect rect;
        final int encoding;

        Received(Rect rect, int encoding) {
            this.rect = rect;
            this.encoding = encoding;
        }

        @Override
        public String toString() {
            return rect + " enc " + encoding;
        }
    }

    private final Socket socket;
    private final DataInputStream in;
    private final DataOutputStream out;
    private final EncodingDecoders decoders = new EncodingDecoders();
    String serverVersion;
    int width;
    int height;
    PixelFormat serverFormat;
    String desktopName;
    PixelFormat format;
    int[] framebuffer;

    private TestViewer(Socket socket) throws IOException {
        this.socket = socket;
        socket.setSoTimeout(5000);
        socket.setTcpNoDelay(true);
        this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
        this.out = new DataOutputStream(socket.getOutputStream());
    }

    static TestViewer connect(int port) throws IOException {
        return new TestViewer(new Socket(InetAddress.getLoopbackAddress(), port));
    }

    /** Version 3.8, security None, shared ClientInit, ServerInit. */
    TestViewer handshake() throws IOException {
        byte[] version = new byte[12];
        in.readFully(version);
        serverVersion = new String(version, StandardCharsets.US_ASCII);
        out.write("RFB 003.008\n".getBytes(StandardCharsets.US_ASCII));
        int count = in.readUnsignedByte();
        byte[] types = new byte[count];
        in.readFully(types);
        if (count != 1 || types[0] != 1) {
            throw new AssertionError("expected only security type None, got " + count + " types");
        }
        out.writeByte(1);
        int result = in.readInt();
        if (result != 0) {
            throw new AssertionError("SecurityResult " + result);
        }
        out.writeByte(1);
        readServerInit();
        return this;
    }

    void readServerInit() throws IOException {
        width = in.readUnsignedShort();
        height = in.readUnsignedShort();
        byte[] wire = new byte[16];
        in.readFully(wire);
        serverFormat = PixelFormat.read(wire);
        byte[] name = new byte[in.readInt()];
        in.readFully(name);
        desktopName = new String(name, StandardCharsets.UTF_8);
        format = serverFormat;
        framebuffer = new int[width * height];
    }

    DataInputStream in() {
        return in;
    }

    DataOutputStream out() {
        return out;
    }

    void setPixelFormat(PixelFormat next) throws IOException {
        out.write(new byte[] {0, 0, 0, 0});
        out.write(next.write());
        format = next;
    }

    void setEncodings(int... encodings) throws IOException {
        out.writeByte(2);
        out.writeByte(0);
        out.writeShort(encodings.length);
        for (int e : encodings) {
            out.writeInt(e);
        }
    }

    void requestUpdate(boolean incremental) throws IOException {
        requestUpdate(incremental, Rect.of(0, 0, width, height));
    }

    void requestUpdate(boolean incremental, Rect area) throws IOException {
        out.writeByte(3);
        out.writeByte(incremental ? 1 : 0);
        out.writeShort(area.x());
        out.writeShort(area.y());
        out.writeShort(area.width());
        out.writeShort(area.height());
    }

    /** SetDesktopSize with one screen covering the framebuffer, as noVNC sends it. */
    void setDesktopSize(int w, int h) throws IOException {
        out.writeByte(251);
        out.writeByte(0);
        out.writeShort(w);
        out.writeShort(h);
        out.writeByte(1);
        out.writeByte(0);
        out.writeInt(0);
        out.writeShort(0);
        out.writeShort(0);
        out.writeShort(w);
        out.writeShort(h);
        out.writeInt(0);
        out.flush();
    }

    /** Key down then key up. */
    void key(int keysym) throws IOException {
        keyEvent(true, keysym);
        keyEvent(false, keysym);
    }

    void keyEvent(boolean down, int keysym) throws IOException {
        out.writeByte(4);
        out.writeByte(down ? 1 : 0);
        out.writeShort(0);
        out.writeInt(keysym);
    }

    void pointer(int buttonMask, int x, int y) throws IOException {
        out.writeByte(5);
        out.writeByte(buttonMask);
        out.writeShort(x);
        out.writeShort(y);
    }

    void cutText(String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        out.write(new byte[] {6, 0, 0, 0});
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    void send(byte[] bytes) throws IOException {
        out.write(bytes);
    }

    /**
     * The next FramebufferUpdate, applied to the framebuffer, or null when none starts within
     * {@code wait}.
     */
    List<Received> awaitUpdate(Duration wait) throws IOException {
        int type = awaitMessageType(wait);
        if (type < 0) {
            return null;
        }
        if (type != 0) {
            throw new AssertionError("expected FramebufferUpdate (0), got message type " + type);
        }
        return readUpdateBody();
    }

    /** The type of the next server message (its body still unread), or -1 when none starts within {@code wait}. */
    int awaitMessageType(Duration wait) throws IOException {
        socket.setSoTimeout((int) Math.max(1, wait.toMillis()));
        try {
            return in.readUnsignedByte();
        } catch (SocketTimeoutException e) {
            return -1;
        } finally {
            socket.setSoTimeout(5000);
        }
    }

    /** The rest of a ServerFence whose type was read: its flags (the payload is skipped). */
    int readFenceBody() throws IOException {
        in.readFully(new byte[3]);
        int flags = in.readInt();
        in.readFully(new byte[in.readUnsignedByte()]);
        return flags;
    }

    /** EnableContinuousUpdates for the whole framebuffer, or off. */
    void continuousUpdates(boolean enable) throws IOException {
        out.writeByte(150);
        out.writeByte(enable ? 1 : 0);
        out.writeShort(0);
        out.writeShort(0);
        out.writeShort(width);
        out.writeShort(height);
        out.flush();
    }

    /** A ClientFence with {@code flags} and a payload. */
    void fence(int flags, byte[] payload) throws IOException {
        out.writeByte(248);
        out.write(new byte[3]);
        out.writeInt(flags);
        out.writeByte(payload.length);
        out.write(payload);
        out.flush();
    }

    /** The rest of a FramebufferUpdate whose type was read, applied to the framebuffer. */
    List<Received> readUpdateBody() throws IOException {
        in.readUnsignedByte();
        int count = in.readUnsignedShort();
        List<Received> rects = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Rect r = Rect.of(in.readUnsignedShort(), in.readUnsignedShort(), in.readUnsignedShort(),
                    in.readUnsignedShort());
            int encoding = in.readInt();
            rects.add(new Received(r, encoding));
            apply(r, encoding);
        }
        return rects;
    }

    List<Received> awaitUpdate() throws IOException {
        List<Received> update = awaitUpdate(Duration.ofSeconds(5));
        if (update == null) {
            throw new AssertionError("no FramebufferUpdate within 5 s");
        }
        return update;
    }

    /** Sends a tiny full request and waits for its answer: every message sent before has been handled. */
    void sync() throws IOException {
        requestUpdate(false, Rect.of(0, 0, 1, 1));
        awaitUpdate();
    }

    /** True when the server closes the connection within {@code wait}. */
    boolean closedWithin(Duration wait) throws IOException {
        socket.setSoTimeout((int) wait.toMillis());
        try {
            while (in.read() >= 0) {
                // Discard whatever was still on its way.
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            return true;
        }
    }

    private void apply(Rect r, int encoding) throws IOException {
        if (encoding == EXTENDED_DESKTOP_SIZE) {
            int screens = in.readUnsignedByte();
            in.readFully(new byte[3 + 16 * screens]);
            if (r.y() == 0 && (r.width() != width || r.height() != height)) {
                width = r.width();
                height = r.height();
                framebuffer = new int[width * height];
            }
            return;
        }
        if (encoding == DESKTOP_SIZE) {
            width = r.width();
            height = r.height();
            framebuffer = new int[width * height];
            return;
        }
        if (!Rect.of(0, 0, width, height).contains(r)) {
            throw new AssertionError("rectangle " + r + " lies outside the " + width + "x" + height + " framebuffer");
        }
        int[] pixels;
        switch (encoding) {
            case RAW:
                pixels = new int[(int) r.area()];
                for (int i = 0; i < pixels.length; i++) {
                    pixels[i] = pixel();
                }
                break;
            case COPY_RECT:
                int srcX = in.readUnsignedShort();
                int srcY = in.readUnsignedShort();
                pixels = new int[(int) r.area()];
                for (int y = 0; y < r.height(); y++) {
                    System.arraycopy(framebuffer, (srcY + y) * width + srcX, pixels, y * r.width(), r.width());
                }
                break;
            case ZRLE:
                int length = in.readInt();
                ByteArrayOutputStream payload = new ByteArrayOutputStream();
                new DataOutputStream(payload).writeInt(length);
                byte[] data = new byte[length];
                in.readFully(data);
                payload.write(data);
                pixels = decoders.zrle(payload.toByteArray(), r, format);
                break;
            case TIGHT:
                pixels = decoders.tight(readTightPayload(r), r, format);
                break;
            default:
                throw new AssertionError("unexpected encoding " + encoding);
        }
        for (int y = 0; y < r.height(); y++) {
            System.arraycopy(pixels, y * r.width(), framebuffer, (r.y() + y) * width + r.x(), r.width());
        }
    }

    private int pixel() throws IOException {
        int bytes = format.bitsPerPixel() / 8;
        int value = 0;
        for (int i = 0; i < bytes; i++) {
            int b = in.readUnsignedByte();
            value = format.bigEndian() ? (value << 8) | b : value | (b << (8 * i));
        }
        return value;
    }

    /** Reads exactly one Tight rectangle's bytes, following the Tight documentation's layout. */
    private byte[] readTightPayload(Rect r) throws IOException {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        int tpixel = format.trueColour() && format.bitsPerPixel() == 32 && format.depth() == 24
                && format.redMax() == 255 && format.greenMax() == 255 && format.blueMax() == 255
                ? 3 : format.bitsPerPixel() / 8;
        int control = copy(payload, 1)[0] & 0xFF;
        int kind = control >>> 4;
        if (kind == 8) {
            copy(payload, tpixel);
        } else if (kind == 9) {
            copy(payload, compactLength(payload));
        } else {
            int filter = (kind & 4) != 0 ? copy(payload, 1)[0] & 0xFF : 0;
            int size;
            if (filter == 1) {
                int colours = (copy(payload, 1)[0] & 0xFF) + 1;
                copy(payload, colours * tpixel);
                size = colours == 2 ? (r.width() + 7) / 8 * r.height() : (int) r.area();
            } else {
                size = (int) r.area() * tpixel;
            }
            copy(payload, size < 12 ? size : compactLength(payload));
        }
        return payload.toByteArray();
    }

    private int compactLength(ByteArrayOutputStream payload) throws IOException {
        int b = copy(payload, 1)[0] & 0xFF;
        int length = b & 0x7F;
        if ((b & 0x80) != 0) {
            b = copy(payload, 1)[0] & 0xFF;
            length |= (b & 0x7F) << 7;
            if ((b & 0x80) != 0) {
                length |= (copy(payload, 1)[0] & 0xFF) << 14;
            }
        }
        return length;
    }

    private byte[] copy(ByteArrayOutputStream payload, int count) throws IOException {
        byte[] bytes = new byte[count];
        in.readFully(bytes);
        payload.write(bytes);
        return bytes;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
