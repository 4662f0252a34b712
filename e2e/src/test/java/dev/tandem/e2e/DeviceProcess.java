package dev.tandem.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * {@code tandem device} as a child process, exactly as a person runs it: JSON lines on stdout,
 * commands and chat on stdin.
 */
final class DeviceProcess implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Process process;
    private final PrintWriter stdin;
    private final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
    /** Every event the device printed, in order, whether or not a test waited for it. */
    private final List<JsonNode> printed = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Stderr as it comes (a line at a time), so a failure made while the device still runs can show it. */
    private final StringBuffer stderr = new StringBuffer();

    private DeviceProcess(Process process) {
        this.process = process;
        this.stdin = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    JsonNode event = parsed(line);
                    printed.add(event);
                    events.add(event);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "device-stdout");
        reader.setDaemon(true);
        reader.start();
        Thread errors = new Thread(() -> {
            try (BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line = err.readLine(); line != null; line = err.readLine()) {
                    stderr.append(line).append('\n');
                }
            } catch (IOException ignored) {
                // the process is gone
            }
        }, "device-stderr");
        errors.setDaemon(true);
        errors.start();
    }

    /**
     * A line of stdout as an event. A line that is not JSON (the command's contract says it never
     * prints one) is kept as {@code {"unparsed": line}}: the reader goes on, and the test that waits
     * for an event fails naming the line, instead of waiting for events nobody reads any more.
     */
    private static JsonNode parsed(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException notJson) {
            return JSON.createObjectNode().put("unparsed", line);
        }
    }

    static DeviceProcess start(String... args) {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), "dev.tandem.device.cli.DeviceCommand"));
        command.addAll(List.of(args));
        try {
            return new DeviceProcess(new ProcessBuilder(command).start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void type(String line) {
        stdin.println(line);
    }

    JsonNode next(String event) {
        return next(e -> event.equals(e.path("event").asText()), event);
    }

    JsonNode next(Predicate<JsonNode> wanted, String what) {
        return next(wanted, what, 15);
    }

    /** The next event {@code wanted}, waiting up to {@code seconds} (a loaded machine starts JVMs slowly). */
    JsonNode next(Predicate<JsonNode> wanted, String what, int seconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<JsonNode> passedOver = new ArrayList<>();
        try {
            while (System.nanoTime() < deadline) {
                JsonNode event = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (event != null && wanted.test(event)) {
                    return event;
                }
                if (event != null) {
                    passedOver.add(event);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // What it printed instead says why (an error line, a refusal), so a failure can be read from CI's log.
        throw new AssertionError("The device printed no '" + what + "' event within " + seconds + " s; it printed "
                + passedOver + " meanwhile; " + state() + "; stderr: " + stderr);
    }

    /** Whether the device still runs, and if so what its threads are doing (for a failure's message). */
    private String state() {
        if (!process.isAlive()) {
            return "it exited with " + process.exitValue();
        }
        try {
            Process dump = new ProcessBuilder(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    String.valueOf(process.pid()), "Thread.print").redirectErrorStream(true).start();
            String threads = new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            dump.waitFor(10, TimeUnit.SECONDS);
            return "it still runs; its threads: " + threads;
        } catch (IOException e) {
            return "it still runs (no thread dump: " + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "it still runs";
        }
    }

    int awaitExit() throws InterruptedException {
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            throw new AssertionError("The device did not exit within 15 s");
        }
        return process.exitValue();
    }

    /** Every event printed so far. */
    List<JsonNode> printed() {
        return List.copyOf(printed);
    }

    String stderr() {
        return stderr.toString();
    }

    @Override
    public void close() {
        process.destroy();
    }
}
