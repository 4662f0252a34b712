package dev.tandem.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code tandem server} as a child process, as an operator runs it, on a fixed port and data
 * directory so that it can be killed with SIGKILL and started again on the same data. Its output
 * goes to {@code server.log} in the data directory.
 */
final class ServerUnderTest implements AutoCloseable {
    static final String ADMIN_PASSWORD = "correct-horse-battery-7";
    private final Path data;
    private final int port;
    private final List<String> options;
    private Process process;
    private int starts;

    private ServerUnderTest(Path data, int port, List<String> options) {
        this.data = data;
        this.port = port;
        this.options = options;
    }

    /** Starts a server on a free port with its own data directory and {@code options}. */
    static ServerUnderTest start(String... options) {
        try (ServerSocket probe = new ServerSocket(0)) {
            ServerUnderTest server = new ServerUnderTest(Files.createTempDirectory("tandem-chaos"), probe.getLocalPort(),
                    List.of(options));
            probe.close();
            server.boot();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    Path data() { return data; }

    int port() { return port; }

    /** Kills the process with SIGKILL: no shutdown hook, no close, whatever it was doing. */
    void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                throw new AssertionError("The server did not die");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Starts the server again on the same port and data. */
    void restart() {
        boot();
    }

    private void boot() {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), "dev.tandem.app.TandemCommand", "server",
                "--port", String.valueOf(port), "--data", data.toString()));
        command.addAll(options);
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("TANDEM_ADMIN_PASSWORD", ADMIN_PASSWORD);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        starts++;
        Path log = data.resolve("server-" + starts + ".log");
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Process running = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(running.getInputStream(), StandardCharsets.UTF_8));
                 var file = Files.newBufferedWriter(log)) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    file.write(line);
                    file.newLine();
                    file.flush();
                    if (line.startsWith("Tandem ready at")) {
                        ready.complete(null);
                    }
                }
            } catch (IOException ignored) {
                // the process died
            }
            ready.completeExceptionally(new AssertionError("The server stopped before it was ready; see " + log));
        }, "server-output-" + starts);
        reader.setDaemon(true);
        reader.start();
        try {
            ready.get(90, TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new AssertionError("The server did not start within 90 s; see " + log, e);
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
