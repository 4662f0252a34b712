package dev.tandem.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import dev.tandem.server.edge.EdgeSettings;

/**
 * A real Keycloak (the server distribution Maven unpacks into {@code e2e/target/keycloak}) started
 * in development mode on a free port with an in-memory database and a realm the test imports,
 * serving HTTPS with a certificate of the test's private CA (so the Tandem server reaches it only
 * through {@code --ca-file}). It
 * needs Java 21 or newer: {@code TANDEM_KEYCLOAK_JAVA_HOME}, else the newest JDK under
 * {@code /usr/lib/jvm} that is new enough. Fails (never skips) with a sentence when it cannot run.
 */
final class Keycloak implements AutoCloseable {
    private static final Duration START_LIMIT = Duration.ofSeconds(240);
    private final Process process;
    private final int port;
    private final Duration startedIn;

    private Keycloak(Process process, int port, Duration startedIn) {
        this.process = process;
        this.port = port;
        this.startedIn = startedIn;
    }

    /**
     * Starts Keycloak with {@code realmJson} imported, on HTTPS with {@code tls} (a certificate for
     * localhost); returns once the realm's discovery document answers to a client trusting {@code trust}.
     */
    static Keycloak start(String realmName, String realmJson, EdgeSettings.TlsFiles tls, SSLContext trust)
            throws IOException, InterruptedException {
        Path home = Paths.get(System.getProperty("tandem.keycloakHome", "target/keycloak/keycloak"));
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new AssertionError("Keycloak is not unpacked at " + home + ": run the e2e module through Maven "
                    + "(maven-dependency-plugin unpacks org.keycloak:keycloak-quarkus-dist).");
        }
        Path javaHome = javaHome().orElseThrow(() -> new AssertionError("Keycloak needs Java 21 or newer: install one "
                + "under /usr/lib/jvm or set TANDEM_KEYCLOAK_JAVA_HOME."));
        Path imports = home.resolve("data/import");
        Files.createDirectories(imports);
        try (Stream<Path> old = Files.list(imports)) {
            for (Path file : old.toList()) {
                Files.delete(file);
            }
        }
        Files.writeString(imports.resolve(realmName + "-realm.json"), realmJson);
        int port = freePort();
        int management = freePort();
        Path log = home.resolve("keycloak-test.log");
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-enabled=false", "--https-port=" + port, "--https-certificate-file=" + tls.certificate(),
                "--https-certificate-key-file=" + tls.key(), "--http-management-port=" + management, "--db=dev-mem",
                "--import-realm", "--cache=local"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", javaHome.toString());
        builder.environment().remove("JAVA_OPTS");
        long begun = System.nanoTime();
        Process process = builder.start();
        Keycloak keycloak = new Keycloak(process, port, Duration.ZERO);
        HttpClient http = HttpClient.newBuilder().sslContext(trust).connectTimeout(Duration.ofSeconds(2)).build();
        URI discovery = URI.create(keycloak.issuer(realmName) + "/.well-known/openid-configuration");
        while (true) {
            if (!process.isAlive()) {
                throw new AssertionError("Keycloak stopped while starting; its log is " + log);
            }
            if (System.nanoTime() - begun > START_LIMIT.toNanos()) {
                keycloak.close();
                throw new AssertionError("Keycloak did not answer within " + START_LIMIT.toSeconds() + " s; log: " + log);
            }
            try {
                HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(discovery).timeout(Duration.ofSeconds(2))
                        .build(), HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) {
                    break;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        return new Keycloak(process, port, Duration.ofNanos(System.nanoTime() - begun));
    }

    String issuer(String realm) {
        return "https://localhost:" + port + "/realms/" + realm;
    }

    Duration startedIn() {
        return startedIn;
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Optional<Path> javaHome() {
        String chosen = System.getenv("TANDEM_KEYCLOAK_JAVA_HOME");
        if (chosen != null && !chosen.isBlank()) {
            return Optional.of(Paths.get(chosen));
        }
        Path jvms = Paths.get("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(jvms)) {
            return homes.filter(h -> Files.isExecutable(h.resolve("bin/java")) && major(h) >= 21)
                    .max(Comparator.comparingInt(Keycloak::major));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The major version in a JDK's {@code release} file ({@code JAVA_VERSION="25.0.1"}); 0 if unknown. */
    private static int major(Path home) {
        try {
            for (String line : Files.readAllLines(home.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String version = line.substring(line.indexOf('"') + 1);
                    return Integer.parseInt(version.split("[.\"]")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
