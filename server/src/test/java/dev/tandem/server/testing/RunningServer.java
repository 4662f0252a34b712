package dev.tandem.server.testing;

import dev.tandem.server.ServerConfig;
import dev.tandem.server.TandemServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * A real Tandem server on a free loopback port with its own data directory, for tests. It can be
 * restarted on the same data to test what survives a restart.
 */
public final class RunningServer implements AutoCloseable {
    public static final String ADMIN_PASSWORD = "correct-horse-battery-7";
    private final Path data;
    private final UnaryOperator<ServerConfig> customise;
    private final SettableClock clock = new SettableClock();
    private TandemServer server;
    private boolean running;
    private int port;
    private boolean tls;

    private RunningServer(Path data, UnaryOperator<ServerConfig> customise) {
        this.data = data;
        this.customise = customise;
    }

    public static RunningServer start() {
        return start(c -> c);
    }

    public static RunningServer start(UnaryOperator<ServerConfig> customise) {
        try {
            RunningServer running = new RunningServer(Files.createTempDirectory("tandem-test"), customise);
            running.boot(0);
            return running;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void boot(int port) {
        ServerConfig config = ServerConfig.defaults(port, data).withAdminPassword(ADMIN_PASSWORD)
                .withTimings(Duration.ofSeconds(30), Duration.ofSeconds(15));
        ServerConfig applied = customise.apply(config);
        server = TandemServer.start(applied, clock);
        running = true;
        this.port = server.port();
        this.tls = applied.edge().tls().isPresent();
    }

    /**
     * Stops the server (if running) and starts it again on the same data and port, as an operator's
     * restart does.
     */
    public void restart() {
        close();
        boot(port);
    }

    /**
     * Where this server listens. Not the public URL links use: a test may set that in the settings
     * (e.g. https://support.example.test) and still needs to reach the server.
     */
    public String baseUrl() {
        return (tls ? "https" : "http") + "://localhost:" + port;
    }

    /** The server itself, e.g. for its redirect port. */
    public TandemServer server() {
        return server;
    }

    public String wsUrl(String path) {
        return baseUrl().replaceFirst("^http", "ws") + path;
    }

    public Path data() { return data; }

    public SettableClock clock() { return clock; }

    public Api api() {
        return new Api(baseUrl());
    }

    /** An API client signed in as the administrator. */
    public Api admin() {
        return api().signIn("admin", ADMIN_PASSWORD);
    }

    /** Creates a technician and returns an API client signed in as them. */
    public Api technician(String username) {
        admin().post("/api/v1/users", "{\"username\":\"" + username + "\",\"password\":\"" + password(username)
                + "\",\"displayName\":\"" + username + "\",\"role\":\"technician\"}").expect(201);
        return api().signIn(username, password(username));
    }

    /**
     * The password {@link #technician} gives a user: long enough, not a common one and without the
     * user name, as the server's password rules want.
     */
    public static String password(String username) {
        return "orange-kite-" + (Math.floorMod(username.hashCode(), 90_000) + 10_000);
    }

    /** Stops the server; {@link #restart()} starts it again. Stopping twice is harmless. */
    @Override
    public void close() {
        if (running) {
            running = false;
            server.close();
        }
    }
}
