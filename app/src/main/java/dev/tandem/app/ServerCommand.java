package dev.tandem.app;

import dev.tandem.server.ClusterSettings;
import dev.tandem.server.ServerConfig;
import dev.tandem.server.auth.PasswordRules;
import dev.tandem.server.ServerConfig.DatabaseSettings;
import dev.tandem.server.ServerConfig.SmtpSettings;
import dev.tandem.server.TandemServer;
import dev.tandem.protocol.tls.TrustedCertificates;
import dev.tandem.server.edge.EdgeSettings;
import dev.tandem.server.edge.ServerCertificate;
import dev.tandem.server.edge.TrustedProxies;
import dev.tandem.server.secrets.SecretBox;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
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

    @Option(names = "--node-id", paramLabel = "ID", description = "This node's name in a cluster of servers on one "
            + "PostgreSQL (letters, digits, '.', '_', '-'; at most 40). Default with --nats-url: this machine's name "
            + "and --port, e.g. host1-8080. Needs --db-url jdbc:postgresql://…")
    String nodeId;

    @Option(names = "--nats-url", paramLabel = "nats://HOST:PORT", description = "The NATS server that carries the "
            + "cluster's small messages between nodes. Needs --db-url jdbc:postgresql://…. Default: the server runs alone")
    String natsUrl;

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

    @Option(names = "--bind", paramLabel = "ADDRESS", description = "The address to listen on, e.g. 127.0.0.1 behind "
            + "a proxy on the same machine. Default: every interface")
    String bind;

    @Option(names = "--tls-cert", paramLabel = "FILE", description = "The certificate (PEM; may hold the chain after it): "
            + "the server then speaks HTTPS and WSS on --port. Re-read when the file changes. Needs --tls-key")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "FILE", description = "The certificate's private key (PKCS#8 PEM, RSA or EC)")
    Path tlsKey;

    @Option(names = "--http-port", paramLabel = "N", description = "With TLS: a plain-HTTP port that redirects every "
            + "request to HTTPS (308, same path and query)")
    Integer httpPort;

    @Option(names = "--trusted-proxies", paramLabel = "CIDR[,CIDR...]", description = "Proxies whose Forwarded / "
            + "X-Forwarded-For / X-Forwarded-Proto headers (and PROXY protocol headers) are believed, e.g. 10.0.0.0/8,::1")
    String trustedProxies;

    @Option(names = "--proxy-protocol", description = "Expect the PROXY protocol (v1 or v2, HAProxy's send-proxy-v2) "
            + "on the listener")
    boolean proxyProtocol;

    @Option(names = "--ca-file", paramLabel = "FILE", description = "Certificate authorities (PEM) to trust for "
            + "outgoing TLS (SMTP) besides the system's, e.g. a company's private CA")
    Path caFile;

    @Option(names = "--access-log", paramLabel = "output|file|off", defaultValue = "output", description = "Where one line "
            + "per request goes: the server's output, --data/access.log, or nowhere. Default: ${DEFAULT-VALUE}")
    String accessLog;

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
        config = config.withCluster(ClusterSettings.of(Optional.ofNullable(nodeId),
                Optional.ofNullable(natsUrl), port));
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
        config = config.withEdge(edge());
        String adminPassword = System.getenv("TANDEM_ADMIN_PASSWORD");
        if (adminPassword != null && !adminPassword.isBlank()) {
            // Checked before anything is written: a weak first password is refused, not stored.
            PasswordRules.standard().problem("admin", adminPassword).ifPresent(problem -> {
                throw new IllegalArgumentException("TANDEM_ADMIN_PASSWORD is too weak: " + problem);
            });
            config = config.withAdminPassword(adminPassword);
        }
        return config;
    }

    private EdgeSettings edge() {
        EdgeSettings edge = EdgeSettings.defaults();
        if (bind != null) {
            edge = edge.withBind(ServerOptions.bindAddress(bind));
        }
        if ((tlsCert == null) != (tlsKey == null)) {
            throw new IllegalArgumentException("--tls-cert and --tls-key go together: give both files, or neither for plain HTTP");
        }
        if (tlsCert != null) {
            EdgeSettings.TlsFiles files = new EdgeSettings.TlsFiles(tlsCert, tlsKey);
            ServerCertificate.read(files);
            edge = edge.withTls(files);
        }
        if (httpPort != null) {
            if (tlsCert == null) {
                throw new IllegalArgumentException("--http-port redirects to HTTPS: it needs --tls-cert and --tls-key");
            }
            if (httpPort < 0 || httpPort > 65535 || (httpPort != 0 && httpPort == port)) {
                throw new IllegalArgumentException("--http-port must be between 0 and 65535 and differ from --port, not " + httpPort);
            }
            edge = edge.withHttpPort(httpPort);
        }
        if (trustedProxies != null) {
            edge = edge.withTrustedProxies(TrustedProxies.parse(trustedProxies));
        }
        edge = edge.withProxyProtocol(proxyProtocol);
        if (caFile != null) {
            TrustedCertificates.fromFile(caFile.toString());
            edge = edge.withCaFile(caFile);
        }
        edge = edge.withAccessLog(ServerOptions.accessLog(accessLog));
        String metricsToken = System.getenv("TANDEM_METRICS_TOKEN");
        if (metricsToken != null && !metricsToken.isBlank()) {
            edge = edge.withMetricsToken(metricsToken);
        }
        String secretKey = System.getenv(SecretBox.KEY_VARIABLE);
        if (secretKey != null && !secretKey.isBlank()) {
            edge = edge.withSecretKey(secretKey);
        }
        return edge;
    }
}
