package dev.tandem.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The few REST calls a benchmark makes, as the technician would. Thread-safe.
 *
 * <p>The client's own work runs on two threads: by default it would start threads as it likes,
 * and the benchmark shares the machine's CPU with the server under test.
 */
final class BenchApi {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final java.util.concurrent.Executor WORKERS = java.util.concurrent.Executors.newFixedThreadPool(2,
            task -> {
                Thread thread = new Thread(task, "bench-http");
                thread.setDaemon(true);
                return thread;
            });
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).executor(WORKERS).build();
    private final String base;
    private volatile String token;

    BenchApi(String base) {
        this.base = base;
    }

    BenchApi signIn(String username, String password) throws IOException, InterruptedException {
        token = call("POST", "/api/v1/auth/token", JSON.createObjectNode().put("username", username)
                .put("password", password).toString(), 200).get("token").asText();
        return this;
    }

    String token() { return token; }

    JsonNode call(String method, String path, String body, int expected) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request(method, path, body), HttpResponse.BodyHandlers.ofString());
        return answer(method, path, response, expected);
    }

    private HttpRequest request(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.build();
    }

    private static JsonNode answer(String method, String path, HttpResponse<String> response, int expected)
            throws IOException {
        if (response.statusCode() != expected) {
            throw new IOException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    String createCode() throws IOException, InterruptedException {
        return call("POST", "/api/v1/codes", "{}", 201).get("code").asText();
    }
}
