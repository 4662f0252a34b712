package dev.tandem.app;

import dev.tandem.server.ServerConfig;
import dev.tandem.server.ServerConfig.DatabaseSettings;
import dev.tandem.server.ServerConfig.SmtpSettings;
import dev.tandem.server.TandemServer;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./tandem server}: the server and the web console. */
@Command(name = "server", mixinStandardHelpOptions = true,
        description = "Runs the Tandem server: the technician console, the customer join pages, the REST API and the device socket.")
public final class ServerCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "8080", description = "HTTP port (0 = pick a free one). Default: ${DEFAULT-VALUE}")
    int port;

    @Option(names = "--data", defaultValue = "./tandem-data", description = "Embedded database, outbox, uploaded files. Default: ${DEFAULT-VALUE}")
    Path data;

    @Option(names = "--public-url", description = "Base of join links and email links. Default: http://localhost:PORT")
    String publicUrl;

    @Option(names = "--db-url", description = "JDBC URL, e.g. jdbc:postgresql://127.0.0.1:5432/tandem. Default: embedded H2 in --data")
    String dbUrl;

    @Option(names = "--db-user", description = "Database user")
    String dbUser;

    @Option(names = "--db-password", description = "Database password", arity = "0..1", interactive = false)
    String dbPassword;

    @Option(names = "--smtp-url", description = "smtp://user:pass@host:port or smtps://…; default: mail goes to the outbox in --data")
    String smtpUrl;

    @Option(names = "--app-store-url", description = "The store page of the Tandem app that join pages offer. Default: "
            + "the server's own /app/tandem.apk when it has one (TANDEM_APK), else the public Play Store listing")
    String appStoreUrl;

    @Option(names = "--requests-per-address", defaultValue = "5", description = "Chat requests one address may make "
            + "per 10 minutes on the portal pages (raise it when many customers share one office's address). Default: ${DEFAULT-VALUE}")
    int requestsPerAddress;

    @Option(names = "--mail-retry", defaultValue = "30", paramLabel = "SECONDS", description = "How often mail that "
            + "could not be sent (SMTP down) is tried again, in seconds. Default: ${DEFAULT-VALUE}")
    int mailRetrySeconds;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        ServerConfig config;
        try {
            config = config();
        } catch (IllegalArgumentException e) {
            err.println("tandem server: " + e.getMessage());
            return 2;
        }
        TandemServer server;
        try {
            server = TandemServer.start(config);
        } catch (TandemServer.StartupException e) {
            err.println("tandem server: " + e.getMessage());
            return 2;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "tandem-shutdown"));
        spec.commandLine().getOut().println("Tandem ready at " + server.baseUrl());
        spec.commandLine().getOut().flush();
        stopped.await();
        return 0;
    }

    ServerConfig config() {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be between 0 and 65535, not " + port);
        }
        ServerConfig config = ServerConfig.defaults(port, data);
        if (publicUrl != null) {
            URI uri;
            try {
                uri = URI.create(publicUrl);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--public-url is not a URL: " + publicUrl);
            }
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException("--public-url must be an http:// or https:// URL with a host, e.g. https://help.example.com");
            }
            config = config.withPublicUrl(uri);
        }
        if (dbUrl != null) {
            if (!dbUrl.startsWith("jdbc:postgresql:") && !dbUrl.startsWith("jdbc:h2:")) {
                throw new IllegalArgumentException("--db-url must be a PostgreSQL (jdbc:postgresql://host:5432/db) or H2 JDBC URL");
            }
            config = config.withDatabase(new DatabaseSettings(dbUrl, dbUser, dbPassword));
        } else if (dbUser != null || dbPassword != null) {
            throw new IllegalArgumentException("--db-user and --db-password need --db-url");
        }
        if (smtpUrl != null) {
            config = config.withSmtp(SmtpSettings.parse(smtpUrl));
        }
        config = config.withRequestsPerAddress(requestsPerAddress);
        if (mailRetrySeconds < 1 || mailRetrySeconds > 86_400) {
            throw new IllegalArgumentException("--mail-retry must be between 1 and 86400 seconds, not " + mailRetrySeconds);
        }
        config = config.withMailRetry(java.time.Duration.ofSeconds(mailRetrySeconds));
        if (appStoreUrl != null) {
            URI store;
            try {
                store = URI.create(appStoreUrl);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--app-store-url is not a URL: " + appStoreUrl);
            }
            if (!("https".equals(store.getScheme()) || "http".equals(store.getScheme())) || store.getHost() == null) {
                throw new IllegalArgumentException("--app-store-url must be an https:// URL, e.g. "
                        + "https://play.google.com/store/apps/details?id=dev.tandem.app");
            }
            config = config.withStoreUrl(appStoreUrl);
        }
        String adminPassword = System.getenv("TANDEM_ADMIN_PASSWORD");
        if (adminPassword != null && !adminPassword.isBlank()) {
            config = config.withAdminPassword(adminPassword);
        }
        return config;
    }
}
