package dev.tandem.bench;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.net.ssl.SSLSocketFactory;

/**
 * The server's viewer socket ({@code /ws/screen/{session}}, docs/protocol.md 2b) read the way a
 * browser reads it: RFC 6455 frames parsed straight off the TCP stream, their payload handed to the
 * RFB reader without a copy per message. The relay benchmark measures the server with it. Its
 * first viewer ({@link ViewerWebSocket}, on Java-WebSocket) read 16 KiB at a time, copied every
 * frame twice and queued it for another thread, which cost the benchmark's JVM more CPU per
 * gigabyte than the server itself spent relaying, so the figure said more about that client than
 * about the relay. The direct path's viewer reads a plain socket; this one is its equal.
 *
 * <p>Threading: one thread reads {@link #input()}; writes through {@link #output()} are serialised
 * by the RFB viewer, and pongs by this socket's lock.
 */
final class StreamingViewerSocket implements AutoCloseable {
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final int READ_BUFFER_BYTES = 256 * 1024;
    private static final int BINARY = 2;
    private static final int CONTINUATION = 0;
    private static final int CLOSE = 8;
    private static final int PING = 9;
    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final SecureRandom masks = new SecureRandom();

    private StreamingViewerSocket(Socket socket, DataInputStream in) throws IOException {
        this.socket = socket;
        this.in = in;
        this.out = socket.getOutputStream();
    }

    /** Opens the viewer socket of {@code session}, signed in with an API token. */
    static StreamingViewerSocket open(String baseUrl, String session, String token) throws IOException {
        URI url = URI.create(baseUrl);
        boolean tls = "https".equals(url.getScheme());
        int port = url.getPort() > 0 ? url.getPort() : tls ? 443 : 80;
        Socket socket = tls ? SSLSocketFactory.getDefault().createSocket(url.getHost(), port)
                : new Socket(url.getHost(), port);
        socket.setTcpNoDelay(true);
        DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), READ_BUFFER_BYTES));
        StreamingViewerSocket opened = new StreamingViewerSocket(socket, in);
        opened.handshake(url, "/ws/screen/" + session + "?token=" + token);
        return opened;
    }

    /** A viewer speaking RFB over this socket; closing it closes the socket. */
    RfbViewer viewer() {
        return RfbViewer.over(input(), output(), this);
    }

    private void handshake(URI url, String target) throws IOException {
        byte[] nonce = new byte[16];
        masks.nextBytes(nonce);
        String key = Base64.getEncoder().encodeToString(nonce);
        String request = "GET " + target + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + url.getPort()
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + key
                + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String status = line();
        if (!status.startsWith("HTTP/1.1 101")) {
            throw new IOException("The viewer socket did not open: " + status);
        }
        String accept = null;
        for (String header = line(); !header.isEmpty(); header = line()) {
            if (header.regionMatches(true, 0, "Sec-WebSocket-Accept:", 0, 21)) {
                accept = header.substring(21).strip();
            }
        }
        if (!expectedAccept(key).equals(accept)) {
            throw new IOException("The server's handshake answered another key: " + accept);
        }
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("The server closed during the handshake");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    private static String expectedAccept(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The payload of the binary frames, one stream; a close frame ends it with the server's reason. */
    InputStream input() {
        return new InputStream() {
            private long left;

            @Override
            public int read() throws IOException {
                awaitData();
                left--;
                return in.readUnsignedByte();
            }

            @Override
            public int read(byte[] into, int offset, int length) throws IOException {
                awaitData();
                int n = in.read(into, offset, (int) Math.min(length, left));
                if (n < 0) {
                    throw new EOFException("The viewer socket ended inside a frame");
                }
                left -= n;
                return n;
            }

            private void awaitData() throws IOException {
                while (left == 0) {
                    left = nextDataFrame();
                }
            }
        };
    }

    /** Reads frame headers up to the next binary (or continuation) frame; returns its payload length. */
    private long nextDataFrame() throws IOException {
        while (true) {
            int first = in.readUnsignedByte();
            int second = in.readUnsignedByte();
            long length = second & 0x7F;
            if (length == 126) {
                length = in.readUnsignedShort();
            } else if (length == 127) {
                length = in.readLong();
            }
            if ((second & 0x80) != 0) {
                throw new IOException("A server's frame must not be masked (RFC 6455 5.1)");
            }
            int opcode = first & 0x0F;
            if (opcode == BINARY || opcode == CONTINUATION) {
                return length;
            }
            byte[] payload = new byte[(int) length];
            in.readFully(payload);
            if (opcode == CLOSE) {
                int code = payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005;
                String reason = payload.length > 2 ? new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8) : "";
                throw new IOException("the viewer socket closed: " + code + " " + reason);
            }
            if (opcode == PING) {
                send(0xA, payload, 0, payload.length);
            }
        }
    }

    /** Each flush sends what was written since as one masked binary frame. */
    OutputStream output() {
        return new java.io.ByteArrayOutputStream() {
            @Override
            public synchronized void flush() throws IOException {
                if (size() > 0) {
                    send(BINARY, buf, 0, count);
                    reset();
                }
            }
        };
    }

    private synchronized void send(int opcode, byte[] payload, int offset, int length) throws IOException {
        int lengthBytes = length <= 125 ? 0 : length <= 0xFFFF ? 2 : 8;
        byte[] frame = new byte[2 + lengthBytes + 4 + length];
        frame[0] = (byte) (0x80 | opcode);
        int at = 2;
        if (lengthBytes == 0) {
            frame[1] = (byte) (0x80 | length);
        } else if (lengthBytes == 2) {
            frame[1] = (byte) (0x80 | 126);
            frame[at++] = (byte) (length >>> 8);
            frame[at++] = (byte) length;
        } else {
            frame[1] = (byte) (0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                frame[at++] = (byte) ((long) length >>> shift);
            }
        }
        byte[] mask = new byte[4];
        masks.nextBytes(mask);
        System.arraycopy(mask, 0, frame, at, 4);
        at += 4;
        for (int i = 0; i < length; i++) {
            frame[at + i] = (byte) (payload[offset + i] ^ mask[i & 3]);
        }
        out.write(frame);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
