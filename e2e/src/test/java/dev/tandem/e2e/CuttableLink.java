package dev.tandem.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP relay between a phone and the server that drops the phone's connection, once, after a given
 * number of bytes went one way: a phone losing its network in the middle of a file, at a point the
 * test chooses rather than a moment it guesses. New connections (the phone reconnecting) pass.
 */
final class CuttableLink implements AutoCloseable {
    private final ServerSocket listener;
    private final int target;
    private final AtomicLong upstreamLeft = new AtomicLong(Long.MAX_VALUE);
    private final AtomicLong downstreamLeft = new AtomicLong(Long.MAX_VALUE);
    private volatile int cuts;

    CuttableLink(int targetPort) throws IOException {
        this.target = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::acceptAll, "cuttable-link");
        accept.setDaemon(true);
        accept.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Drops the connection after {@code bytes} more bytes went from the phone to the server. */
    void cutUpstreamAfter(long bytes) {
        upstreamLeft.set(bytes);
    }

    /** Drops the connection after {@code bytes} more bytes went from the server to the phone. */
    void cutDownstreamAfter(long bytes) {
        downstreamLeft.set(bytes);
    }

    /** How many connections were dropped so far. */
    int cuts() {
        return cuts;
    }

    private void acceptAll() {
        while (!listener.isClosed()) {
            try {
                Socket phone = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
                pump(phone, server, upstreamLeft, phone, server);
                pump(server, phone, downstreamLeft, phone, server);
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void pump(Socket from, Socket to, AtomicLong left, Socket phone, Socket server) {
        Thread pump = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    out.write(buffer, 0, n);
                    if (left.get() != Long.MAX_VALUE && left.addAndGet(-n) <= 0) {
                        left.set(Long.MAX_VALUE);
                        cuts++;
                        drop(phone);
                        drop(server);
                        return;
                    }
                }
            } catch (IOException e) {
                // the other side closed
            } finally {
                close(phone);
                close(server);
            }
        }, "cuttable-pump");
        pump.setDaemon(true);
        pump.start();
    }

    private static void drop(Socket socket) {
        try {
            socket.setSoLinger(true, 0); // a reset, as a lost network looks to the peer eventually
        } catch (IOException e) {
            // closing anyway
        }
        close(socket);
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // gone already
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
