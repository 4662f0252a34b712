package dev.tandem.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;

/**
 * The server's viewer socket ({@code /ws/screen/{session}}, docs/protocol.md 2b) as a byte channel for
 * {@link RfbViewer}: binary frames in, read as one stream; each flush of {@link #output()} sends one
 * binary frame. Thread-safe: one thread reads {@link #input()}, writes are serialised by the viewer.
 */
final class ViewerWebSocket implements AutoCloseable {
    private static final byte[] END = new byte[0];
    private final BlockingQueue<byte[]> frames = new LinkedBlockingQueue<>();
    private final Client client;
    private volatile String closedBecause;

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
            frames.add(copy);
        }

        @Override
        public void onClose(int code, String reason, boolean remote) {
            closedBecause = code + " " + reason;
            frames.add(END);
        }

        @Override
        public void onError(Exception e) {
            closedBecause = e.toString();
        }
    }

    private ViewerWebSocket(URI uri) {
        client = new Client(uri);
    }

    /** Opens the viewer socket of {@code session}, signed in with an API token. */
    static ViewerWebSocket open(String baseUrl, String session, String token) throws IOException, InterruptedException {
        return open(baseUrl, session, token, null);
    }

    /**
     * With several nodes, {@code node} is the node that holds the phone: the proxy routes the viewer
     * there on the {@code node} hint (screen bytes never cross between nodes). Null when alone.
     */
    static ViewerWebSocket open(String baseUrl, String session, String token, String node)
            throws IOException, InterruptedException {
        ViewerWebSocket socket = new ViewerWebSocket(URI.create(baseUrl.replaceFirst("^http", "ws") + "/ws/screen/"
                + session + "?token=" + token + (node == null ? "" : "&node=" + node)));
        if (!socket.client.connectBlocking(10, TimeUnit.SECONDS)) {
            throw new IOException("The viewer socket did not open: " + socket.closedBecause);
        }
        return socket;
    }

    /** A viewer speaking RFB over this socket; closing it closes the socket. */
    RfbViewer viewer() {
        return RfbViewer.over(input(), output(), this);
    }

    InputStream input() {
        return new InputStream() {
            private byte[] current = new byte[0];
            private int at;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] into, int offset, int length) throws IOException {
                while (at == current.length) {
                    try {
                        byte[] next = frames.poll(30, TimeUnit.SECONDS);
                        if (next == null) {
                            throw new InterruptedIOException("nothing from the viewer socket for 30 s");
                        }
                        if (next == END) {
                            frames.add(END);
                            throw new IOException("the viewer socket closed: " + closedBecause);
                        }
                        current = next;
                        at = 0;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new InterruptedIOException("interrupted");
                    }
                }
                int n = Math.min(length, current.length - at);
                System.arraycopy(current, at, into, offset, n);
                at += n;
                return n;
            }
        };
    }

    OutputStream output() {
        return new ByteArrayOutputStream() {
            @Override
            public synchronized void flush() {
                if (size() > 0) {
                    client.send(toByteArray());
                    reset();
                }
            }
        };
    }

    @Override
    public void close() {
        client.close();
    }
}
