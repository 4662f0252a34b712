package dev.tandem.e2e.screen;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;

/**
 * A technician's viewer for tests: an RFB 3.8 client over the server's viewer socket, written from
 * RFC 6143. It asks for Raw only, parses every update, and records the close code.
 */
final class WsViewer implements AutoCloseable {
    private static final byte[] EOF = new byte[0];
    private final BlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final Client client;
    private final DataInputStream in;
    int width;
    int height;
    String desktopName;

    /** One FramebufferUpdate: how many rectangles and pixel bytes it carried. */
    record Update(int rects, long bytes) {
    }

    private final class Client extends WebSocketClient {
        Client(URI uri) {
            super(uri);
            setTcpNoDelay(true);
        }

        @Override
        public void onOpen(ServerHandshake handshake) {
        }

        @Override
        public void onMessage(String message) {
        }

        @Override
        public void onMessage(ByteBuffer bytes) {
            byte[] copy = new byte[bytes.remaining()];
            bytes.get(copy);
            chunks.add(copy);
        }

        @Override
        public void onClose(int code, String reason, boolean remote) {
            closeCode.complete(code);
            chunks.add(EOF);
        }

        @Override
        public void onError(Exception ex) {
        }
    }

    private WsViewer(URI uri) throws InterruptedException {
        client = new Client(uri);
        in = new DataInputStream(new ChunkStream());
        if (!client.connectBlocking(5, TimeUnit.SECONDS)) {
            // A refusal right after the upgrade can end the connect before onClose has run: wait for it.
            try {
                closeCode.get(2, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new AssertionError("The viewer socket did not open: " + uri, e);
            }
        }
    }

    /** Opens the viewer socket of {@code session} with an API token. */
    static WsViewer open(String wsBase, String session, String token) throws InterruptedException {
        return new WsViewer(URI.create(wsBase + "/ws/screen/" + session + "?token=" + token));
    }

    /** Version 3.8, security None, ServerInit; then Raw only. */
    WsViewer handshake() throws IOException {
        byte[] version = new byte[12];
        in.readFully(version);
        send("RFB 003.008\n".getBytes(StandardCharsets.US_ASCII));
        int count = in.readUnsignedByte();
        in.readFully(new byte[count]);
        send(new byte[] {1});
        if (in.readInt() != 0) {
            throw new AssertionError("security failed");
        }
        send(new byte[] {1});
        width = in.readUnsignedShort();
        height = in.readUnsignedShort();
        in.readFully(new byte[16]);
        byte[] name = new byte[in.readInt()];
        in.readFully(name);
        desktopName = new String(name, StandardCharsets.UTF_8);
        ByteBuffer encodings = ByteBuffer.allocate(8).put((byte) 2).put((byte) 0).putShort((short) 1).putInt(0);
        send(encodings.array());
        return this;
    }

    void requestUpdate(boolean incremental) {
        ByteBuffer request = ByteBuffer.allocate(10).put((byte) 3).put((byte) (incremental ? 1 : 0))
                .putShort((short) 0).putShort((short) 0).putShort((short) width).putShort((short) height);
        send(request.array());
    }

    void pointer(int mask, int x, int y) {
        send(ByteBuffer.allocate(6).put((byte) 5).put((byte) mask).putShort((short) x).putShort((short) y).array());
    }

    void tap(int x, int y) {
        pointer(1, x, y);
        pointer(0, x, y);
    }

    void swipe(int fromX, int fromY, int toX, int toY) {
        pointer(1, fromX, fromY);
        for (int i = 1; i <= 8; i++) {
            pointer(1, fromX + (toX - fromX) * i / 8, fromY + (toY - fromY) * i / 8);
        }
        pointer(0, toX, toY);
    }

    void key(int keysym) {
        keyEvent(true, keysym);
        keyEvent(false, keysym);
    }

    void keyEvent(boolean down, int keysym) {
        send(ByteBuffer.allocate(8).put((byte) 4).put((byte) (down ? 1 : 0)).putShort((short) 0).putInt(keysym).array());
    }

    /** ClientCutText: the technician's clipboard for the phone (ISO 8859-1, RFC 6143 7.5.6). */
    void cutText(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        send(ByteBuffer.allocate(8 + bytes.length).put((byte) 6).put(new byte[3]).putInt(bytes.length).put(bytes).array());
    }

    /** ServerCutText texts (the phone's clipboard) read while waiting for updates. */
    final java.util.List<String> cutTexts = new java.util.concurrent.CopyOnWriteArrayList<>();

    void send(byte[] bytes) {
        client.send(bytes);
    }

    /** The next FramebufferUpdate, or null when none arrives within {@code wait} (or the socket closed). */
    Update awaitUpdate(Duration wait) throws IOException {
        ((ChunkStream) inner()).deadline = System.nanoTime() + wait.toNanos();
        try {
            int type = in.readUnsignedByte();
            while (type == 3) {
                in.readFully(new byte[3]);
                byte[] text = new byte[in.readInt()];
                in.readFully(text);
                cutTexts.add(new String(text, StandardCharsets.ISO_8859_1));
                type = in.readUnsignedByte();
            }
            if (type != 0) {
                throw new AssertionError("expected a FramebufferUpdate, got message type " + type);
            }
            ((ChunkStream) inner()).deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            in.readUnsignedByte();
            int rects = in.readUnsignedShort();
            long bytes = 0;
            for (int i = 0; i < rects; i++) {
                in.readUnsignedShort();
                in.readUnsignedShort();
                int w = in.readUnsignedShort();
                int h = in.readUnsignedShort();
                int encoding = in.readInt();
                if (encoding == 0) {
                    long size = (long) w * h * 4;
                    in.readFully(new byte[(int) size]);
                    bytes += size;
                } else if (encoding == -223) {
                    width = w;
                    height = h;
                } else {
                    throw new AssertionError("unexpected encoding " + encoding);
                }
            }
            return new Update(rects, bytes);
        } catch (java.io.EOFException | java.io.InterruptedIOException e) {
            return null;
        }
    }

    /** The close code, once the socket has closed within {@code wait}; null while it is open. */
    Integer closeCode(Duration wait) throws Exception {
        try {
            return closeCode.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            return null;
        }
    }

    boolean isOpen() {
        return client.isOpen();
    }

    @Override
    public void close() {
        client.close();
    }

    private InputStream inner() {
        return chunkStream;
    }

    private ChunkStream chunkStream;

    /** The received binary frames as one byte stream; reads time out at the deadline. */
    private final class ChunkStream extends InputStream {
        volatile long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        private byte[] current = new byte[0];
        private int at;

        ChunkStream() {
            chunkStream = this;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] into, int offset, int length) throws IOException {
            while (at >= current.length) {
                if (current == EOF) {
                    return -1;
                }
                try {
                    long left = deadline - System.nanoTime();
                    byte[] next = left <= 0 ? null : chunks.poll(left, TimeUnit.NANOSECONDS);
                    if (next == null) {
                        throw new java.io.InterruptedIOException("no data before the deadline");
                    }
                    current = next;
                    at = 0;
                    if (next == EOF) {
                        chunks.add(EOF);
                        return -1;
                    }
                } catch (InterruptedException e) {
                    throw new java.io.InterruptedIOException();
                }
            }
            int n = Math.min(length, current.length - at);
            System.arraycopy(current, at, into, offset, n);
            at += n;
            return n;
        }
    }
}
