package dev.tandem.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * A real NATS server for tests: Debian's {@code /usr/sbin/nats-server} (package {@code nats-server},
 * or the first {@code nats-server} on the PATH) on a free port of 127.0.0.1, in a temporary
 * directory of its own, core NATS only (no JetStream, as in production). When it is missing the
 * test fails loudly: it is never skipped.
 */
public final class NatsServer implements AutoCloseable {
    private static final Path DEBIAN = Path.of("/usr/sbin/nats-server");
    private final Process process;
    private final int port;
    private final Path dir;

    private NatsServer(Process process, int port, Path dir) {
        this.process = process;
        this.port = port;
        this.dir = dir;
    }

    /** Starts a server and returns once it takes connections. */
    public static NatsServer start() {
        String binary = binary();
        try {
            Path dir = Files.createTempDirectory("tandem-nats");
            int port = freePort();
            Path log = dir.resolve("nats-server.log");
            Process process = new ProcessBuilder(binary, "-a", "127.0.0.1", "-p", String.valueOf(port),
                    "-P", dir.resolve("nats.pid").toString())
                    .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            NatsServer server = new NatsServer(process, port, dir);
            server.awaitListening(log);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + binary, e);
        }
    }

    /** Where clients connect: {@code nats://127.0.0.1:PORT}. */
    public String url() {
        return "nats://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Stops the server at once, as when its machine goes away. */
    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String binary() {
        if (Files.isExecutable(DEBIAN)) {
            return DEBIAN.toString();
        }
        for (String entry : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(entry, "nats-server");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new AssertionError("nats-server not found (" + DEBIAN + " or on the PATH): install the Debian "
                + "package 'nats-server' (.ci/run does).");
    }

    private void awaitListening(Path log) throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("nats-server stopped at start: " + Files.readString(log));
            }
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }
        close();
        throw new AssertionError("nats-server did not listen on " + port + " within 15 s: " + Files.readString(log)
                + " (in " + dir + ")");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
