package dev.tandem.bench;

import dev.tandem.agent.screen.ScreenGeometry;
import dev.tandem.agent.screen.ScreenSize;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The benchmarks' VNC viewer: an RFB 3.8 client (RFC 6143) over any byte channel (the server's viewer
 * socket, or a loopback TCP socket straight to the phone's RFB server). It speaks like a real viewer
 * (security None, SetEncodings, update requests, pointer and keys) and parses every server message far
 * enough to find its end, without decoding pixels: Raw (w*h*bpp), CopyRect (4 bytes), ZRLE (u32
 * length + data), Tight (see {@link #skipTight}), DesktopSize (no data), ExtendedDesktopSize (its screens). It counts every byte it receives.
 *
 * <p>Threading: one thread reads ({@link #handshake}, then {@link #readUpdate}); any thread may send,
 * sends are serialised so that messages never interleave.
 */
final class RfbViewer implements AutoCloseable {
    static final int RAW = 0;
    static final int COPY_RECT = 1;
    static final int TIGHT = 7;
    static final int ZRLE = 16;
    static final int DESKTOP_SIZE = -223;
    /** The ExtendedDesktopSize extension: the server says it takes SetDesktopSize, and answers it. */
    static final int EXTENDED_DESKTOP_SIZE = -308;
    /** ContinuousUpdates and Fence: the phone pushes changes, fences keep it at most two updates ahead. */
    static final int CONTINUOUS_UPDATES = -313;
    static final int FENCE = -312;
    /** Tight JPEG quality level 0; levels 0..9 are -32..-23. */
    static final int QUALITY_LEVEL_0 = -32;
    /** Compression level 0; levels 0..9 are -256..-247. */
    static final int COMPRESS_LEVEL_0 = -256;
    /** What a real viewer on a phone-sized screen asks for: compressed first, cheap CopyRect, resizes. */
    static final int[] VIEWER_ENCODINGS = {ZRLE, COPY_RECT, RAW, DESKTOP_SIZE};
    /**
     * What the console's noVNC 1.7 asks for with its defaults, restricted to what this viewer can
     * parse: CopyRect, Tight before ZRLE and Raw, JPEG quality level 6, compression level 2, resizes.
     */
    static final int[] NOVNC_ENCODINGS = {COPY_RECT, TIGHT, ZRLE, RAW, QUALITY_LEVEL_0 + 6, COMPRESS_LEVEL_0 + 2,
        DESKTOP_SIZE};
    /** As {@link #NOVNC_ENCODINGS} without a quality level: Tight stays lossless. */
    static final int[] TIGHT_LOSSLESS_ENCODINGS = {COPY_RECT, TIGHT, ZRLE, RAW, COMPRESS_LEVEL_0 + 2, DESKTOP_SIZE};

    private static final int TIGHT_FILL = 0x8;
    private static final int TIGHT_JPEG = 0x9;
    private static final int TIGHT_READ_FILTER = 0x4;
    private static final int TIGHT_FILTER_PALETTE = 1;
    private static final int TIGHT_FILTER_GRADIENT = 2;
    private static final int TIGHT_MIN_TO_COMPRESS = 12;

    private final AtomicLong received = new AtomicLong();
    private final DataInputStream in;
    private final DataOutputStream out;
    private final AutoCloseable channel;
    private final byte[] skipBuffer = new byte[64 * 1024];
    private volatile int width;
    private volatile int height;
    private int bytesPerPixel;
    private int tightPixelBytes;
    /** The phone's size when the viewer asked for another frame size, so inputs given in phone pixels land right. */
    private volatile ScreenSize phone;
    /** Continuous updates are on: the phone pushes, this viewer sends no update requests. */
    private volatile boolean continuous;
    private boolean continuousOffered;

    /**
     * One FramebufferUpdate: its rectangles by kind ({@code jpeg} counts the Tight rectangles sent as
     * JPEG) and its size on the wire, header included.
     */
    record Update(int rects, int raw, int copyRect, int zrle, int tight, int jpeg, int desktopSize, long wireBytes) {
    }

    private RfbViewer(InputStream in, OutputStream out, AutoCloseable channel) {
        this.in = new DataInputStream(new Counted(in));
        this.out = new DataOutputStream(out);
        this.channel = channel;
    }

    /** A viewer on {@code in}/{@code out}; {@link #close()} closes {@code channel}. */
    static RfbViewer over(InputStream in, OutputStream out, AutoCloseable channel) {
        return new RfbViewer(in, out, channel);
    }

    /** Version 3.8, security None, shared ClientInit, ServerInit; then {@code encodings}. */
    RfbViewer handshake(int... encodings) throws IOException {
        byte[] version = new byte[12];
        in.readFully(version);
        if (!new String(version, StandardCharsets.US_ASCII).startsWith("RFB 003.")) {
            throw new IOException("not an RFB server: " + new String(version, StandardCharsets.US_ASCII).trim());
        }
        send(new byte[] {'R', 'F', 'B', ' ', '0', '0', '3', '.', '0', '0', '8', '\n'});
        byte[] types = new byte[in.readUnsignedByte()];
        in.readFully(types);
        if (types.length == 0) {
            throw new IOException("the server refused the connection: " + readString());
        }
        send(new byte[] {1}); // None: the viewer socket is already authenticated
        if (in.readInt() != 0) {
            throw new IOException("security None failed: " + readString());
        }
        send(new byte[] {1}); // shared
        width = in.readUnsignedShort();
        height = in.readUnsignedShort();
        bytesPerPixel = in.readUnsignedByte() / 8;
        int depth = in.readUnsignedByte();
        in.readUnsignedByte(); // big-endian
        boolean trueColour = in.readUnsignedByte() != 0;
        int redMax = in.readUnsignedShort();
        int greenMax = in.readUnsignedShort();
        int blueMax = in.readUnsignedShort();
        in.readFully(new byte[6]); // shifts, padding
        // Tight's TPIXEL: 3 bytes for 32 bpp true colour with 8 bits per channel, else a whole pixel.
        tightPixelBytes = bytesPerPixel == 4 && depth == 24 && trueColour && redMax == 255 && greenMax == 255
                && blueMax == 255 ? 3 : bytesPerPixel;
        readString(); // desktop name
        byte[] message = new byte[4 + 4 * encodings.length];
        message[0] = 2;
        putU16(message, 2, encodings.length);
        for (int i = 0; i < encodings.length; i++) {
            putU32(message, 4 + 4 * i, encodings[i]);
        }
        send(message);
        return this;
    }

    int width() { return width; }

    /**
     * Asks for frames of {@code w} x {@code h} (SetDesktopSize; the viewer named {@link #EXTENDED_DESKTOP_SIZE})
     * showing a phone of {@code phoneSize}: from then on {@link #tap}, {@link #swipe} take phone pixels and
     * send where the phone's picture shows them in the frame.
     */
    void askSize(int w, int h, ScreenSize phoneSize) throws IOException {
        phone = phoneSize;
        byte[] message = new byte[24];
        message[0] = (byte) 251;
        putU16(message, 2, w);
        putU16(message, 4, h);
        message[6] = 1; // one screen, covering the framebuffer
        putU16(message, 16, w);
        putU16(message, 18, h);
        send(message);
    }

    int height() { return height; }

    /** True once continuous updates are on: then the phone pushes changes without requests. */
    boolean continuous() { return continuous; }

    /** Bytes received so far, handshake included (RFB bytes: the WebSocket's own framing is not counted). */
    long bytesReceived() { return received.get(); }

    /** FramebufferUpdateRequest for the whole screen. */
    void requestUpdate(boolean incremental) throws IOException {
        byte[] message = new byte[10];
        message[0] = 3;
        message[1] = (byte) (incremental ? 1 : 0);
        putU16(message, 6, width);
        putU16(message, 8, height);
        send(message);
    }

    void pointer(int buttonMask, int x, int y) throws IOException {
        byte[] message = new byte[6];
        message[0] = 5;
        message[1] = (byte) buttonMask;
        putU16(message, 2, x);
        putU16(message, 4, y);
        send(message);
    }

    /** Button 1 down and up at one spot of the phone. */
    void tap(int x, int y) throws IOException {
        pointer(1, frameX(x), frameY(y));
        pointer(0, frameX(x), frameY(y));
    }

    /** Button 1 down, dragged in eight steps, released: a swipe on the phone, in phone pixels. */
    void swipe(int fromX, int fromY, int toX, int toY) throws IOException {
        pointer(1, frameX(fromX), frameY(fromY));
        for (int i = 1; i <= 8; i++) {
            pointer(1, frameX(fromX + (toX - fromX) * i / 8), frameY(fromY + (toY - fromY) * i / 8));
        }
        pointer(0, frameX(toX), frameY(toY));
    }

    private ScreenGeometry view() {
        ScreenSize p = phone;
        return p == null || (width == p.width() && height == p.height()) ? null
                : ScreenGeometry.fitted(p, ScreenSize.of(width, height));
    }

    private int frameX(int phoneX) {
        ScreenGeometry g = view();
        return g == null ? phoneX : g.pictureX() + (int) ((phoneX + 0.5) * g.pictureWidth() / g.phone().width());
    }

    private int frameY(int phoneY) {
        ScreenGeometry g = view();
        return g == null ? phoneY : g.pictureY() + (int) ((phoneY + 0.5) * g.pictureHeight() / g.phone().height());
    }

    /** Key down and up. */
    void key(int keysym) throws IOException {
        byte[] message = new byte[8];
        message[0] = 4;
        putU32(message, 4, keysym);
        message[1] = 1;
        byte[] up = message.clone();
        up[1] = 0;
        byte[] both = new byte[16];
        System.arraycopy(message, 0, both, 0, 8);
        System.arraycopy(up, 0, both, 8, 8);
        send(both);
    }

    /**
     * Blocks until the next FramebufferUpdate has been read to its end and returns it; Bell,
     * ServerCutText and SetColourMapEntries on the way are skipped. The first byte's arrival can be
     * observed through {@code firstByte}, which runs before the rest is read.
     */
    Update readUpdate(Runnable firstByte) throws IOException {
        while (true) {
            int type = in.readUnsignedByte();
            long start = received.get() - 1;
            switch (type) {
                case 0:
                    firstByte.run();
                    return readRectangles(start);
                case 1: // SetColourMapEntries
                    in.readUnsignedByte();
                    in.readUnsignedShort();
                    skip(6L * in.readUnsignedShort());
                    break;
                case 2: // Bell
                    break;
                case 3: // ServerCutText
                    skip(3);
                    skip(in.readInt() & 0xFFFFFFFFL);
                    break;
                case 150: // EndOfContinuousUpdates: the first one offers them, as noVNC takes it
                    if (!continuousOffered) {
                        continuousOffered = true;
                        byte[] enable = new byte[10];
                        enable[0] = (byte) 150;
                        enable[1] = 1;
                        putU16(enable, 6, width);
                        putU16(enable, 8, height);
                        send(enable);
                        continuous = true;
                    } else {
                        continuous = false;
                    }
                    break;
                case 248: // ServerFence: echoed once everything before it was read, as noVNC does
                    skip(3);
                    int flags = in.readInt();
                    byte[] payload = new byte[in.readUnsignedByte()];
                    in.readFully(payload);
                    byte[] echo = new byte[9 + payload.length];
                    echo[0] = (byte) 248;
                    putU32(echo, 4, flags & 0b11);
                    echo[8] = (byte) payload.length;
                    System.arraycopy(payload, 0, echo, 9, payload.length);
                    send(echo);
                    break;
                default:
                    throw new IOException("unknown server message type " + type);
            }
        }
    }

    private Update readRectangles(long start) throws IOException {
        in.readUnsignedByte();
        int rects = in.readUnsignedShort();
        int raw = 0;
        int copyRect = 0;
        int zrle = 0;
        int tight = 0;
        int jpeg = 0;
        int desktopSize = 0;
        for (int i = 0; i < rects; i++) {
            in.readUnsignedShort(); // x (ExtendedDesktopSize: the reason)
            int y = in.readUnsignedShort(); // y (ExtendedDesktopSize: the status)
            int w = in.readUnsignedShort();
            int h = in.readUnsignedShort();
            int encoding = in.readInt();
            switch (encoding) {
                case RAW:
                    skip((long) w * h * bytesPerPixel);
                    raw++;
                    break;
                case COPY_RECT:
                    skip(4);
                    copyRect++;
                    break;
                case ZRLE:
                    skip(in.readInt() & 0xFFFFFFFFL);
                    zrle++;
                    break;
                case TIGHT:
                    if (skipTight(w, h)) {
                        jpeg++;
                    }
                    tight++;
                    break;
                case DESKTOP_SIZE:
                    width = w;
                    height = h;
                    desktopSize++;
                    break;
                case EXTENDED_DESKTOP_SIZE:
                    int screens = in.readUnsignedByte();
                    skip(3 + 16L * screens);
                    if (y == 0) {
                        width = w;
                        height = h;
                    }
                    desktopSize++;
                    break;
                default:
                    throw new IOException("encoding " + encoding + " was not asked for; cannot find its end");
            }
        }
        return new Update(rects, raw, copyRect, zrle, tight, jpeg, desktopSize, received.get() - start);
    }

    /**
     * Reads one Tight rectangle to its end (RFC 6143 7.7.6 and the community RFB specification): a
     * control byte (low four bits reset zlib streams), then a fill's TPIXEL, or a JPEG's compact
     * length and data, or basic compression: an optional filter id (copy, palette with its size and
     * colours, gradient), then the filtered data, as it is when shorter than 12 bytes, else a compact
     * length and zlib data. Returns whether it was JPEG.
     */
    private boolean skipTight(int w, int h) throws IOException {
        int control = in.readUnsignedByte() >>> 4;
        if (control == TIGHT_FILL) {
            skip(tightPixelBytes);
            return false;
        }
        if (control == TIGHT_JPEG) {
            skip(readCompactLength());
            return true;
        }
        if (control > TIGHT_JPEG) {
            throw new IOException("Tight compression type " + control + " was not asked for; cannot find its end");
        }
        int filter = (control & TIGHT_READ_FILTER) != 0 ? in.readUnsignedByte() : 0;
        long dataBytes;
        switch (filter) {
            case 0:
            case TIGHT_FILTER_GRADIENT:
                dataBytes = (long) w * h * tightPixelBytes;
                break;
            case TIGHT_FILTER_PALETTE:
                int colours = in.readUnsignedByte() + 1;
                skip((long) colours * tightPixelBytes);
                dataBytes = colours == 2 ? (long) (w + 7) / 8 * h : (long) w * h;
                break;
            default:
                throw new IOException("unknown Tight filter " + filter);
        }
        skip(dataBytes < TIGHT_MIN_TO_COMPRESS ? dataBytes : readCompactLength());
        return false;
    }

    /** Tight's length: 7 bits per byte, low bits first, high bit set when another byte follows; 1..3 bytes. */
    private int readCompactLength() throws IOException {
        int length = 0;
        for (int i = 0; i < 3; i++) {
            int b = in.readUnsignedByte();
            length |= (i < 2 ? b & 0x7F : b) << (7 * i);
            if (i < 2 && (b & 0x80) == 0) {
                break;
            }
        }
        return length;
    }

    @Override
    public void close() throws Exception {
        channel.close();
    }

    private synchronized void send(byte[] message) throws IOException {
        out.write(message);
        out.flush();
    }

    private String readString() throws IOException {
        byte[] text = new byte[in.readInt()];
        in.readFully(text);
        return new String(text, StandardCharsets.UTF_8);
    }

    private void skip(long count) throws IOException {
        long left = count;
        while (left > 0) {
            int n = (int) Math.min(left, skipBuffer.length);
            in.readFully(skipBuffer, 0, n);
            left -= n;
        }
    }

    private static void putU16(byte[] into, int at, int value) {
        into[at] = (byte) (value >>> 8);
        into[at + 1] = (byte) value;
    }

    private static void putU32(byte[] into, int at, int value) {
        putU16(into, at, value >>> 16);
        putU16(into, at + 2, value);
    }

    /** Counts what the reader takes from the channel. */
    private final class Counted extends FilterInputStream {
        Counted(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                received.incrementAndGet();
            }
            return b;
        }

        @Override
        public int read(byte[] into, int offset, int length) throws IOException {
            int n = super.read(into, offset, length);
            if (n > 0) {
                received.addAndGet(n);
            }
            return n;
        }
    }
}
