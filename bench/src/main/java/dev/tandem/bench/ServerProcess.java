package dev.tandem.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Starts {@link BenchServer} as a child JVM with the same class path, and talks to it. */
final class ServerProcess implements AutoCloseable {
    private final Process process;
    private final BufferedReader out;
    private final PrintWriter in;
    private final int port;
    private final boolean tls;

    private ServerProcess(Process process, BufferedReader out, PrintWriter in, int port, boolean tls) {
        this.process = process;
        this.out = out;
        this.in = in;
        this.port = port;
        this.tls = tls;
    }

    static ServerProcess start(String heap) throws IOException {
        return start(heap, new BenchTls());
    }

    /** The server over HTTPS when {@code tls} has a certificate. */
    static ServerProcess start(String heap, BenchTls tls) throws IOException {
        return start(heap, tls, List.of());
    }

    /** With {@link BenchServer}'s further {@code options} (its database, its node id and bus). */
    static ServerProcess start(String heap, BenchTls tls, List<String> options) throws IOException {
        tls.apply();
        Path data = Files.createTempDirectory("tandem-bench");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx" + heap, "-XX:+UseG1GC", "-cp",
                System.getProperty("java.class.path"), BenchServer.class.getName(), data.toString()));
        command.addAll(tls.serverArguments());
        command.addAll(options);
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        PrintWriter in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith("ready ")) {
                return new ServerProcess(process, out, in, Integer.parseInt(line.substring(6).trim()), tls.enabled());
            }
        }
        throw new IOException("The benchmark server did not start");
    }

    /** Open file descriptors of the server process (Linux), or -1 where that cannot be read. */
    long openFiles() {
        try (java.util.stream.Stream<Path> fds = Files.list(Path.of("/proc", String.valueOf(process.pid()), "fd"))) {
            return fds.count();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Threads of the server process (Linux), or -1 where that cannot be read. */
    long threads() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith("Threads:")) {
                    return Long.parseLong(line.substring(8).strip());
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return -1;
    }

    /** SIGKILL, as a machine dying: no shutdown, nothing handed over. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** The server's process, for its CPU time. */
    ProcessHandle handle() {
        return process.toHandle();
    }

    int port() {
        return port;
    }

    /** CPU seconds the server process has used so far (Linux), or -1. */
    double cpuSeconds() {
        return CpuMeter.secondsSoFar(process.toHandle());
    }

    String baseUrl() {
        return tls ? "https://localhost:" + port : "http://127.0.0.1:" + port;
    }

    /** Used heap of the server after full garbage collections, in bytes. */
    long heapAfterGc() throws IOException {
        in.println("heap");
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith("heap ")) {
                return Long.parseLong(line.substring(5).trim());
            }
        }
        throw new IOException("The benchmark server stopped");
    }

    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        in.println("quit");
        if (!process.waitFor(java.time.Duration.ofSeconds(10).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
        }
    }
}
