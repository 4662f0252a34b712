package dev.tandem.server.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An attacker holding many slow connections from several loopback addresses with one thread: a
 * third send their request headers a byte at a time, a third send a declared body a byte at a time,
 * a third ask for a large file and never read it. A connection the server closes is opened again,
 * so the pressure stays the same for the whole run.
 */
final class SlowClients implements AutoCloseable {
    private static final byte[] SLOW_HEADER = ("POST /api/v1/auth/token HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "
            + "a".repeat(4000) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    private final int port;
    private final List<String> addresses;
    private final String bigPath;
    private final List<Slow> connections = new ArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger opened = new AtomicInteger();
    private final AtomicInteger closedByServer = new AtomicInteger();
    private final Thread worker;

    /** One slow connection and how far it got. */
    private final class Slow {
        final int kind;
        final String from;
        SocketChannel channel;
        byte[] script;
        int sent;

        Slow(int kind, String from) {
            this.kind = kind;
            this.from = from;
        }

        void open() throws IOException {
            channel = SocketChannel.open();
            channel.setOption(StandardSocketOptions.SO_RCVBUF, 4096);
            channel.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
            channel.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            channel.configureBlocking(false);
            sent = 0;
            switch (kind) {
                case 0 -> script = SLOW_HEADER;
                case 1 -> {
                    byte[] head = ("POST /api/v1/auth/token HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                            + "Content-Length: 5000\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
                    channel.write(ByteBuffer.wrap(head));
                    script = "{\"username\":\"x\",\"password\":\"".concat("y".repeat(5000)).getBytes(StandardCharsets.US_ASCII);
                }
                default -> {
                    channel.write(ByteBuffer.wrap(("GET " + bigPath + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII)));
                    script = new byte[0];
                }
            }
            opened.incrementAndGet();
        }

        /** One more byte (or, for a non-reader, a check that the server has not closed it). */
        void step() throws IOException {
            if (kind == 2) {
                // Never read: just notice a close (a read of 0 bytes into an empty buffer tells nothing).
                if (!channel.isOpen()) {
                    reopen();
                }
                return;
            }
            if (sent >= script.length) {
                return;
            }
            try {
                channel.write(ByteBuffer.wrap(script, sent, 1));
                sent++;
                ByteBuffer answer = ByteBuffer.allocate(1);
                if (channel.read(answer) < 0) {
                    reopen();
                }
            } catch (IOException closed) {
                reopen();
            }
        }

        private void reopen() throws IOException {
            closedByServer.incrementAndGet();
            channel.close();
            open();
        }
    }

    SlowClients(int port, List<String> addresses, int count, String bigPath) throws IOException {
        this.port = port;
        this.addresses = addresses;
        this.bigPath = bigPath;
        for (int i = 0; i < count; i++) {
            Slow slow = new Slow(i % 3, addresses.get(i % addresses.size()));
            slow.open();
            connections.add(slow);
        }
        worker = new Thread(this::trickle, "slow-clients");
        worker.setDaemon(true);
        worker.start();
    }

    private void trickle() {
        while (running.get()) {
            for (Slow slow : connections) {
                try {
                    slow.step();
                } catch (IOException e) {
                    // the next round tries again
                }
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    int opened() { return opened.get(); }

    int closedByServer() { return closedByServer.get(); }

    List<String> addresses() { return addresses; }

    @Override
    public void close() {
        running.set(false);
        worker.interrupt();
        for (Slow slow : connections) {
            try {
                slow.channel.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
