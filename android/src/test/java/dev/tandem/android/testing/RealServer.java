package dev.tandem.android.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The real server ({@link ServerProcess}) in a child JVM on a free port, and a technician's REST calls
 * against it. The child gets this JVM's class path; it is stopped by {@link #close()} (and dies with
 * its stdin).
 */
public final class RealServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Process process;
    private final PrintStream commands;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final String baseUrl;
    private final String technicianToken;

    private RealServer() throws IOException, InterruptedException {
        String java = System.getProperty("java.home") + "/bin/java";
        process = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                ServerProcess.class.getName()).redirectErrorStream(true).start();
        commands = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    if (line.startsWith("READY ") || line.equals("OK")) {
                        lines.add(line);
                    }
                }
            } catch (IOException e) {
                // the child ended
            }
        }, "real-server-output");
        reader.setDaemon(true);
        reader.start();
        String ready = lines.poll(90, TimeUnit.SECONDS);
        if (ready == null) {
            process.destroyForcibly();
            throw new AssertionError("the server did not start within 90 s");
        }
        String[] words = ready.split(" ");
        baseUrl = words[1];
        technicianToken = words[2];
    }

    public static RealServer start() throws IOException, InterruptedException {
        return new RealServer();
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** Moves the server's clock forward (e.g. past a request's timeout). */
    public void advance(long seconds) throws InterruptedException {
        commands.println("advance " + seconds);
        if (lines.poll(10, TimeUnit.SECONDS) == null) {
            throw new AssertionError("the server did not move its clock");
        }
    }

    /** The default portal asks its customers how it went, after each session. */
    public void askSurveys() throws InterruptedException {
        commands.println("survey");
        if (lines.poll(20, TimeUnit.SECONDS) == null) {
            throw new AssertionError("the server did not turn the survey on");
        }
    }

    /** GET as the technician; fails unless 200. */
    public JsonNode get(String path) throws IOException {
        return call("GET", path, null, 200);
    }

    /** POST as the technician; fails unless {@code expected}. */
    public JsonNode post(String path, String json, int expected) throws IOException {
        return call("POST", path, json, expected);
    }

    /** PUT raw bytes as the technician (a part of a file, docs/files.md); fails unless {@code expected}. */
    public JsonNode put(String path, byte[] body, int expected) throws IOException {
        HttpURLConnection http = (HttpURLConnection) new URL(baseUrl + path).openConnection();
        http.setRequestMethod("PUT");
        http.setRequestProperty("Authorization", "Bearer " + technicianToken);
        http.setRequestProperty("Content-Type", "application/octet-stream");
        http.setDoOutput(true);
        try (OutputStream out = http.getOutputStream()) {
            out.write(body);
        }
        int status = http.getResponseCode();
        byte[] answer = read(status >= 400 ? http.getErrorStream() : http.getInputStream());
        if (status != expected) {
            throw new AssertionError("PUT " + path + " answered " + status + ": " + new String(answer, StandardCharsets.UTF_8));
        }
        return JSON.readTree(answer);
    }

    /** GET raw bytes as the technician (a download); fails unless 200. */
    public byte[] bytes(String path) throws IOException {
        HttpURLConnection http = (HttpURLConnection) new URL(baseUrl + path).openConnection();
        http.setRequestProperty("Authorization", "Bearer " + technicianToken);
        if (http.getResponseCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + http.getResponseCode());
        }
        return read(http.getInputStream());
    }

    private JsonNode call(String method, String path, String json, int expected) throws IOException {
        HttpURLConnection http = (HttpURLConnection) new URL(baseUrl + path).openConnection();
        http.setRequestMethod(method);
        http.setRequestProperty("Authorization", "Bearer " + technicianToken);
        if (json != null) {
            http.setDoOutput(true);
            http.setRequestProperty("Content-Type", "application/json");
            try (OutputStream out = http.getOutputStream()) {
                out.write(json.getBytes(StandardCharsets.UTF_8));
            }
        }
        int status = http.getResponseCode();
        byte[] body = read(status >= 400 ? http.getErrorStream() : http.getInputStream());
        if (status != expected) {
            throw new AssertionError(method + " " + path + " answered " + status + ": "
                    + new String(body, StandardCharsets.UTF_8));
        }
        return body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
    }

    private static byte[] read(InputStream in) throws IOException {
        if (in == null) {
            return new byte[0];
        }
        try (InputStream stream = in) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            stream.transferTo(all);
            return all.toByteArray();
        }
    }

    @Override
    public void close() throws InterruptedException {
        commands.println("quit");
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
