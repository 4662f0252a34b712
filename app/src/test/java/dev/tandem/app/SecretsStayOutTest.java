package dev.tandem.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.server.testing.StoredBytes;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./tandem server} as an operator runs it (its own process, the shipped logging set-up): after
 * a sign-in, API calls with the token (also in a query string), an SMTP password on the command line
 * and another in the settings and a failed test email, neither the database files, nor the access
 * log, nor the server's output hold the SMTP passwords, the administrator's password or the token;
 * and every file under --data is the server's alone.
 */
class SecretsStayOutTest {
    private static final String ADMIN_PASSWORD = "sturdy-Secret-Passw0rd-42";
    private static final String COMMAND_LINE_SMTP_PASSWORD = "cli-smtp-Secret-9931";
    private static final String SETTINGS_SMTP_PASSWORD = "settings-smtp-Secret-5521";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void noSecretIsInTheDatabaseFilesOrTheLogs() throws Exception {
        Path data = dir.resolve("data");
        Path output = dir.resolve("server-output.log");
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), TandemCommand.class.getName(), "server", "--port", "0",
                "--data", data.toString(), "--access-log", "file",
                "--smtp-url", "smtp://mailer:" + COMMAND_LINE_SMTP_PASSWORD + "@127.0.0.1:2525"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("TANDEM_ADMIN_PASSWORD", ADMIN_PASSWORD);
        Process server = builder.start();
        List<String> lines = new ArrayList<>();
        String token;
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            String base = null;
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(line);
                if (line.startsWith("Tandem ready at ")) {
                    base = line.substring("Tandem ready at ".length()).strip();
                    break;
                }
            }
            assertThat(base).as(String.join("\n", lines)).isNotNull();
            Thread drain = new Thread(() -> {
                try {
                    for (String line = out.readLine(); line != null; line = out.readLine()) {
                        synchronized (lines) {
                            lines.add(line);
                        }
                    }
                } catch (IOException ignored) {
                    // the server stopped
                }
            });
            drain.setDaemon(true);
            drain.start();

            HttpClient http = HttpClient.newHttpClient();
            token = JSON.readTree(send(http, base, "POST", "/api/v1/auth/token", null,
                    "{\"username\":\"admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}").body()).get("token").asText();
            send(http, base, "POST", "/api/v1/auth/token", null, "{\"username\":\"admin\",\"password\":\"wrong-one\"}");
            send(http, base, "GET", "/api/v1/sessions?token=" + token, token, null);
            send(http, base, "GET", "/metrics?token=" + token, token, null);
            send(http, base, "PUT", "/api/v1/settings", token, "{\"smtp\":{\"url\":\"smtp://mailer@127.0.0.1:2525\","
                    + "\"password\":\"" + SETTINGS_SMTP_PASSWORD + "\"}}");
            HttpResponse<String> test = send(http, base, "POST", "/api/v1/settings/test-email", token,
                    "{\"to\":\"someone@example.test\"}");
            assertThat(test.statusCode()).isEqualTo(502);
            send(http, base, "POST", "/api/v1/users", token, "{\"username\":\"tech\",\"password\":\"tech-password-1\"}");
        } finally {
            server.destroy();
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        Files.writeString(output, String.join("\n", lines));
        assertThat(Files.readString(output)).contains("Tandem ready at").contains("Failed sign-in");
        assertThat(Files.readString(data.resolve("access.log"))).contains("\"GET /api/v1/sessions HTTP/1.1\" 200");
        for (String secret : List.of(ADMIN_PASSWORD, COMMAND_LINE_SMTP_PASSWORD, SETTINGS_SMTP_PASSWORD, token)) {
            assertThat(StoredBytes.under(data).containing(secret)).as("files under --data holding a secret").isEmpty();
            assertThat(StoredBytes.under(dir).containing(secret))
                    .as("logs holding a secret").isEmpty();
        }
        try (Stream<Path> tree = Files.walk(data)) {
            tree.forEach(path -> {
                try {
                    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path))).as(path.toString())
                            .isEqualTo(Files.isDirectory(path) ? "rwx------" : "rw-------");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
    }

    private static HttpResponse<String> send(HttpClient http, String base, String method, String path, String token,
                                             String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
