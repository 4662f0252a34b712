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
    private final StringBuilder stderr = new StringBuilder();

    private DeviceProcess(Process process) {
        this.process = process;
        this.stdin = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    JsonNode event = JSON.readTree(line);
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
            try {
                stderr.append(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException ignored) {
                // the process is gone
            }
        }, "device-stderr");
        errors.setDaemon(true);
        errors.start();
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
                + passedOver + " meanwhile; stderr: " + stderr);
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
