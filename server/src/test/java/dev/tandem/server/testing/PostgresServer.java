package dev.tandem.server.testing;

import dev.tandem.server.ServerConfig.DatabaseSettings;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for tests: the one named by {@code TANDEM_TEST_POSTGRES_URL}, or a
 * throw-away cluster started from the machine's PostgreSQL binaries (Debian package
 * {@code postgresql}). When neither is available the tests fail, loudly: they are never skipped.
 */
public final class PostgresServer {
    private static PostgresServer shared;
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private final String baseUrl;
    private final String user;
    /** For a cluster this JVM started: pg_ctl, its data directory and whether it runs as postgres. */
    private final List<String> pgCtl;
    private final Path data;
    private final boolean asPostgres;

    private PostgresServer(String baseUrl, String user) {
        this(baseUrl, user, null, null, false);
    }

    private PostgresServer(String baseUrl, String user, List<String> pgCtl, Path data, boolean asPostgres) {
        this.baseUrl = baseUrl;
        this.user = user;
        this.pgCtl = pgCtl;
        this.data = data;
        this.asPostgres = asPostgres;
    }

    /**
     * A cluster of this test's own, which it may stop and start (the shared one must stay up), with
     * fsync on as in production and {@code synchronous_commit} off by default, so a test can show
     * that the server's own connections still wait for the log flush.
     */
    public static PostgresServer startPrivate() {
        return startLocal("-c fsync=on -c synchronous_commit=off");
    }

    /** Stops the cluster now (fast shutdown: connections are cut, as when the database machine goes away). */
    public void stop() {
        requireOwn();
        run(List.of(pgCtl.get(0), "-D", data.toString(), "-m", "fast", "-w", "stop"), asPostgres);
    }

    /** Starts the stopped cluster again on the same port and data. */
    public void start() {
        requireOwn();
        run(List.of(pgCtl.get(0), "-D", data.toString(), "-l", data.resolveSibling("log").toString(),
                "-o", pgCtl.get(1), "-w", "start"), asPostgres);
    }

    /** Stops a private cluster at the end of a test, whether it is running or not. */
    public void stopIfRunning() {
        requireOwn();
        try {
            run(List.of(pgCtl.get(0), "-D", data.toString(), "-m", "immediate", "stop"), asPostgres);
        } catch (AssertionError alreadyStopped) {
            // nothing to stop
        }
    }

    private void requireOwn() {
        if (pgCtl == null) {
            throw new IllegalStateException("Only a cluster this test started can be stopped and started");
        }
    }

    public static synchronized PostgresServer shared() {
        if (shared == null) {
            String url = System.getenv("TANDEM_TEST_POSTGRES_URL");
            shared = url != null ? new PostgresServer(url.substring(0, url.lastIndexOf('/') + 1),
                    Optional.ofNullable(System.getenv("TANDEM_TEST_POSTGRES_USER")).orElse("postgres"))
                    : startLocal("-c fsync=off -c synchronous_commit=off");
        }
        return shared;
    }

    /** A fresh, empty database on the server. */
    public DatabaseSettings newDatabase() {
        String name = "tandem_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection connection = DriverManager.getConnection(baseUrl + "postgres", user, "")) {
            connection.createStatement().execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new AssertionError("Cannot create a test database on " + baseUrl + ": " + e.getMessage(), e);
        }
        return new DatabaseSettings(baseUrl + name, user, "");
    }

    private static PostgresServer startLocal(String settings) {
        Path bin = findBinaries().orElseThrow(() -> new AssertionError(
                "PostgreSQL server binaries not found (initdb, pg_ctl). Install the Debian package 'postgresql' "
                        + "or set TANDEM_TEST_POSTGRES_URL to a server the tests may create databases on."));
        try {
            Path dir = Files.createTempDirectory("tandem-pg");
            boolean root = "root".equals(System.getProperty("user.name"));
            if (root) {
                run(List.of("chown", "-R", "postgres:postgres", dir.toString()), false);
            }
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Path data = dir.resolve("data");
            run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres", "--auth=trust",
                    "-E", "UTF8", "--locale=C.UTF-8"), root);
            String options = "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 " + settings;
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("log").toString(),
                    "-o", options, "-w", "start"), root);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "stop"), root);
                } catch (RuntimeException | AssertionError ignored) {
                    // the JVM is exiting anyway (a private cluster may already be stopped)
                }
            }));
            return new PostgresServer("jdbc:postgresql://127.0.0.1:" + port + "/", "postgres",
                    List.of(bin.resolve("pg_ctl").toString(), options), data, root);
        } catch (IOException e) {
            throw new AssertionError("Cannot start PostgreSQL: " + e.getMessage(), e);
        }
    }

    private static Optional<Path> findBinaries() {
        Path versions = Paths.get("/usr/lib/postgresql");
        if (Files.isDirectory(versions)) {
            try (Stream<Path> dirs = Files.list(versions)) {
                Optional<Path> newest = dirs.map(d -> d.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                        .max((a, b) -> Integer.compare(version(a), version(b)));
                if (newest.isPresent()) {
                    return newest;
                }
            } catch (IOException ignored) {
                // fall through to PATH
            }
        }
        for (String entry : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path candidate = Paths.get(entry);
            if (Files.isExecutable(candidate.resolve("initdb")) && Files.isExecutable(candidate.resolve("pg_ctl"))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static int version(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static void run(List<String> command, boolean asPostgres) {
        List<String> full = new ArrayList<>();
        if (asPostgres) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        try {
            Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError("Command failed: " + String.join(" ", full) + "\n" + output);
            }
        } catch (IOException e) {
            throw new AssertionError("Cannot run " + full + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
