package dev.tandem.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * A real HAProxy (Debian's {@code haproxy}) in front of a test server, in the foreground with a
 * configuration the test writes: {@link #proxyProtocol} passes TCP through with
 * {@code send-proxy-v2}; {@link #forwardedFor} speaks HTTP and adds {@code X-Forwarded-For} ({@code option forwardfor});
 * {@link #cluster} balances over several nodes as docs/deployment.md says.
 */
public final class Haproxy implements AutoCloseable {
    private final Process process;
    private final int port;

    private Haproxy(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** TCP mode: every connection to {@link #port()} reaches {@code backendPort} with a PROXY v2 header. */
    public static Haproxy proxyProtocol(Path dir, int backendPort) {
        return start(dir, "mode tcp", "mode tcp\n  server tandem 127.0.0.1:" + backendPort + " send-proxy-v2");
    }

    /** HTTP mode: requests reach {@code backendPort} with the client appended to X-Forwarded-For. */
    public static Haproxy forwardedFor(Path dir, int backendPort) {
        return start(dir, "mode http\n  option forwardfor\n  http-request set-header X-Forwarded-Proto https",
                "mode http\n  server tandem 127.0.0.1:" + backendPort);
    }

    /**
     * In front of several nodes, as docs/deployment.md configures it (without TLS): least
     * connections, {@code /healthz} checks, PROXY v2, and viewer sockets routed on {@code ?node=}.
     * {@code nodes}: each node's id and port on 127.0.0.1.
     */
    public static Haproxy cluster(Path dir, java.util.Map<String, Integer> nodes) {
        StringBuilder backend = new StringBuilder("mode http\n  balance leastconn\n  option httpchk GET /healthz\n"
                + "  http-check expect status 200\n"
                + "  default-server check inter 1s fall 3 rise 2 send-proxy-v2 check-send-proxy"
                + " on-marked-down shutdown-sessions\n");
        nodes.keySet().forEach(id -> backend.append("  use-server ").append(id)
                .append(" if { path_beg /ws/screen/ } { url_param(node) -m str ").append(id).append(" }\n"));
        nodes.forEach((id, port) -> backend.append("  server ").append(id).append(" 127.0.0.1:").append(port).append("\n"));
        return start(dir, "mode http", backend.toString());
    }

    /**
     * HTTP mode in front of several nodes (issue 16): every connection goes to the first node whose
     * {@code /healthz} answers 200 (checked every 300 ms), so a stopping node (503) is drained at once.
     */
    public static Haproxy nodes(Path dir, int... backendPorts) {
        StringBuilder servers = new StringBuilder("mode http\n  balance first\n  option httpchk GET /healthz\n"
                + "  default-server check inter 300ms fall 1 rise 2");
        for (int i = 0; i < backendPorts.length; i++) {
            servers.append("\n  server node").append(i).append(" 127.0.0.1:").append(backendPorts[i]);
        }
        return start(dir, "mode http", servers.toString());
    }

    private static Haproxy start(Path dir, String mode, String backend) {
        try {
            int port = freePort();
            Path config = dir.resolve("haproxy-" + port + ".cfg");
            Files.writeString(config, "global\n  maxconn 200\n"
                    + "defaults\n  timeout connect 5s\n  timeout client 60s\n  timeout server 60s\n  timeout tunnel 60s\n  timeout check 2s\n"
                    + "frontend edge\n  bind 127.0.0.1:" + port + "\n  " + mode + "\n  default_backend tandem\n"
                    + "backend tandem\n  " + backend + "\n",
                    StandardCharsets.UTF_8);
            Process process = new ProcessBuilder("haproxy", "-db", "-f", config.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("haproxy-" + port + ".log").toFile()).start();
            Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("haproxy stopped: " + Files.readString(dir.resolve("haproxy-" + port + ".log")));
                }
                try (Socket probe = new Socket()) {
                    probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
                    return new Haproxy(process, port);
                } catch (IOException notYet) {
                    Thread.sleep(100);
                }
            }
            process.destroyForcibly();
            throw new IllegalStateException("haproxy did not listen on " + port);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start haproxy (Debian package haproxy)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Where clients connect (on 127.0.0.1). */
    public int port() {
        return port;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
