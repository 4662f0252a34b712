package dev.tandem.server;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import dev.tandem.server.edge.EdgeSettings;

/**
 * Everything the server needs to start, already validated.
 *
 * @param port           HTTP port; 0 picks a free one
 * @param dataDir        embedded database, outbox, uploaded files
 * @param publicUrl      base of join links and email links; empty = {@code http://localhost:PORT}
 * @param database       where the data lives
 * @param smtp           where mail goes; empty = the outbox under {@code dataDir}
 * @param adminPassword  the first administrator's password; empty = a random one, printed once
 * @param storeUrl       where the join page sends customers who have no app
 * @param reconnectGrace how long a session waits for a device that lost its connection
 * @param heartbeat      how often the server pings devices
 * @param mailRetry      how often queued mail (SMTP was down) is tried again
 * @param requestsPerAddress chat requests one address may make per 10 minutes (customers behind one
 *                       office's NAT share an address)
 * @param clientLimits   what one client may hold of the server at once (connections, requests, time)
 * @param edge           listener, TLS, trusted proxies, outgoing trust, metrics token, secret key, access log
 * @param cluster        this node's id and the NATS bus when it runs as one node among several
 */
public record ServerConfig(int port, Path dataDir, Optional<URI> publicUrl, DatabaseSettings database,
                           Optional<SmtpSettings> smtp, Optional<String> adminPassword, String storeUrl,
                           Duration reconnectGrace, Duration heartbeat, Duration mailRetry, int requestsPerAddress,
                           ClientLimits clientLimits, EdgeSettings edge, ClusterSettings cluster) {

    public static final int DEFAULT_REQUESTS_PER_ADDRESS = 5;
    public static final String DEFAULT_STORE_URL = "https://play.google.com/store/apps/details?id=dev.tandem.app";

    /** The embedded defaults, as {@code ./tandem server} runs with no options. */
    public static ServerConfig defaults(int port, Path dataDir) {
        return new ServerConfig(port, dataDir, Optional.empty(), DatabaseSettings.embedded(dataDir), Optional.empty(),
                Optional.empty(), DEFAULT_STORE_URL, Duration.ofSeconds(120), Duration.ofSeconds(15), Duration.ofSeconds(30),
                DEFAULT_REQUESTS_PER_ADDRESS, ClientLimits.DEFAULTS, EdgeSettings.defaults(), ClusterSettings.ALONE);
    }

    public ServerConfig withSmtp(SmtpSettings settings) {
        return new ServerConfig(port, dataDir, publicUrl, database, Optional.of(settings), adminPassword, storeUrl,
                reconnectGrace, heartbeat, mailRetry, requestsPerAddress, clientLimits, edge, cluster);
    }

    public ServerConfig withDatabase(DatabaseSettings settings) {
        return new ServerConfig(port, dataDir, publicUrl, settings, smtp, adminPassword, storeUrl, reconnectGrace,
                heartbeat, mailRetry, requestsPerAddress, clientLimits, edge, cluster);
    }

    public ServerConfig withAdminPassword(String password) {
        return new ServerConfig(port, dataDir, publicUrl, database, smtp, Optional.of(password), storeUrl,
                reconnectGrace, heartbeat, mailRetry, requestsPerAddress, clientLimits, edge, cluster);
    }

    public ServerConfig withPublicUrl(URI url) {
        return new ServerConfig(port, dataDir, Optional.of(url), database, smtp, adminPassword, storeUrl,
                reconnectGrace, heartbeat, mailRetry, requestsPerAddress, clientLimits, edge, cluster);
    }

    public ServerConfig withTimings(Duration grace, Duration heartbeatEvery) {
        return new ServerConfig(port, dataDir, publicUrl, database, smtp, adminPassword, storeUrl, grace,
                heartbeatEvery, mailRetry, requestsPerAddress, clientLimits, edge, cluster);
    }

    /** How often queued mail is retried (tests shorten it). */
    public ServerConfig withMailRetry(Duration every) {
        return new ServerConfig(port, dataDir, publicUrl, database, smtp, adminPassword, storeUrl, reconnectGrace,
                heartbeat, every, requestsPerAddress, clientLimits, edge, cluster);
    }

    /** What one client may hold of the server at once (the slow-client and greedy-client guards). */
    public ServerConfig withClientLimits(ClientLimits limits) {
        return new ServerConfig(port, dataDir, publicUrl, database, smtp, adminPassword, storeUrl, reconnectGrace,
                heartbeat, mailRetry, requestsPerAddress, limits, edge, cluster);
    }

    /**
     * What one client may hold of the server at once, so that nothing one client does stalls the
     * others (README, "Limits that protect the server").
     *
     * @param connectionsPerAddress TCP connections open at once per address (IPv6 per /64)
     * @param requestsInProgress    HTTP requests in progress at once per client
     * @param headerTime            the longest a client may take to send a request's headers
     * @param bodyTime              the longest a client may take to send a request's body
     * @param threads               the server's request threads
     */
    public record ClientLimits(int connectionsPerAddress, int requestsInProgress, Duration headerTime, Duration bodyTime,
                               int threads) {
        public static final ClientLimits DEFAULTS = new ClientLimits(256, 32, Duration.ofSeconds(10),
                Duration.ofSeconds(20), 200);

        public ClientLimits {
            if (connectionsPerAddress < 1 || requestsInProgress < 1 || threads < 8) {
                throw new IllegalArgumentException("Connections and requests per address must be at least 1, threads at least 8");
            }
        }
    }

    /** This node's id in the cluster ({@link ClusterSettings#LOCAL_NODE_ID} when the server runs alone). */
    public String nodeId() { return cluster.nodeId(); }

    /** The NATS server of the cluster's bus, when {@code --nats-url} is given. */
    public Optional<URI> natsUrl() { return cluster.natsUrl(); }

    /** Runs as one node among several ({@code --node-id} or {@code --nats-url}); validated against the database. */
    public ServerConfig withCluster(ClusterSettings settings) {
        settings.problemWith(database).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        return new ServerConfig(port, dataDir, publicUrl, database, smtp, adminPassword, storeUrl, reconnectGrace,
                heartbeat, mailRetry, requestsPerAddress, clientLimits, edge, settings);
    }

    /** Where the database is: a JDBC URL with optional credentials. */
    public record DatabaseSettings(String jdbcUrl, String user, String password) {
        /**
         * The embedded H2 database in {@code dataDir}. H2 keeps commits in memory and writes its file
         * in the background; the store makes every acknowledged write durable itself (see
         * {@code store.Database}).
         */
        public static DatabaseSettings embedded(Path dataDir) {
            return new DatabaseSettings("jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("tandem")
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                    "sa", "");
        }

        public boolean isEmbedded() {
            return jdbcUrl.startsWith("jdbc:h2:");
        }

        /** The embedded database's files without their suffix, when it is a local file. */
        public java.util.Optional<Path> embeddedFile() {
            String prefix = "jdbc:h2:file:";
            if (!jdbcUrl.startsWith(prefix)) {
                return java.util.Optional.empty();
            }
            String path = jdbcUrl.substring(prefix.length()).split(";", 2)[0];
            if (path.startsWith("~")) {
                path = System.getProperty("user.home") + path.substring(1);
            }
            return java.util.Optional.of(Path.of(path));
        }

        @Override
        public String toString() {
            return "DatabaseSettings[" + jdbcUrl + ", user=" + user + ", password=***]";
        }
    }

    /**
     * An SMTP server parsed from {@code smtp://user:pass@host:port} or {@code smtps://…}. Over
     * {@code smtp://} the connection is upgraded with STARTTLS whenever the server offers it, and a
     * password is only ever sent encrypted unless the URL ends in {@code ?insecure=true}.
     */
    public record SmtpSettings(String host, int port, boolean tls, Optional<String> user, Optional<String> password,
                               boolean insecure) {

        public static SmtpSettings parse(String url) {
            URI uri;
            try {
                uri = URI.create(url);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--smtp-url is not a URL: use smtp://user:pass@host:port");
            }
            String scheme = uri.getScheme();
            if (!"smtp".equals(scheme) && !"smtps".equals(scheme)) {
                throw new IllegalArgumentException("--smtp-url must start with smtp:// or smtps://");
            }
            if (uri.getHost() == null) {
                throw new IllegalArgumentException("--smtp-url has no host: use smtp://user:pass@host:port");
            }
            boolean insecure = false;
            if (uri.getRawQuery() != null) {
                if (!uri.getRawQuery().equals("insecure=true") && !uri.getRawQuery().equals("insecure=false")) {
                    throw new IllegalArgumentException("--smtp-url takes no query but ?insecure=true (which allows "
                            + "sending the password unencrypted)");
                }
                insecure = uri.getRawQuery().equals("insecure=true");
            }
            if ((uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/"))
                    || uri.getRawFragment() != null) {
                throw new IllegalArgumentException("--smtp-url has nothing after host:port: use smtp://user:pass@host:port");
            }
            boolean tls = "smtps".equals(scheme);
            int port = uri.getPort() > 0 ? uri.getPort() : (tls ? 465 : 25);
            Optional<String> user = Optional.empty();
            Optional<String> password = Optional.empty();
            String userInfo = uri.getUserInfo();
            if (userInfo != null && !userInfo.isEmpty()) {
                int colon = userInfo.indexOf(':');
                user = Optional.of(colon < 0 ? userInfo : userInfo.substring(0, colon));
                password = colon < 0 ? Optional.empty() : Optional.of(userInfo.substring(colon + 1));
            }
            return new SmtpSettings(uri.getHost(), port, tls, user, password, insecure);
        }

        /** The URL with the user name but never the password, to show and to store apart from it. */
        public String urlWithoutPassword() {
            return (tls ? "smtps://" : "smtp://")
                    + user.map(u -> u.replace("%", "%25").replace("@", "%40").replace(":", "%3A") + "@").orElse("")
                    + host + ":" + port + (insecure ? "?insecure=true" : "");
        }

        /** The same server with another password (empty = none). */
        public SmtpSettings withPassword(Optional<String> newPassword) {
            return new SmtpSettings(host, port, tls, user, newPassword, insecure);
        }

        @Override
        public String toString() {
            return (tls ? "smtps://" : "smtp://") + user.map(u -> u + ":***@").orElse("") + host + ":" + port
                    + (insecure ? "?insecure=true" : "");
        }
    }

    /** How many chat requests one address may make per 10 minutes. */
    public ServerConfig withRequestsPerAddress(int perAddress) {
        if (perAddress < 1) {
            throw new IllegalArgumentException("--requests-per-address must be at least 1");
        }
        return new ServerConfig(port, dataDir, publicUrl, database, smtp, adminPassword, storeUrl, reconnectGrace,
                heartbeat, mailRetry, perAddress, clientLimits, edge, cluster);
    }

    /** Where the join page sends customers who have no app (a store page of the operator's). */
    public ServerConfig withStoreUrl(String url) {
        return new ServerConfig(port, dataDir, publicUrl, database, smtp, adminPassword, url, reconnectGrace,
                heartbeat, mailRetry, requestsPerAddress, clientLimits, edge, cluster);
    }

    /** Listener, TLS, proxies, outgoing trust, metrics token, secret key and access log. */
    public ServerConfig withEdge(EdgeSettings settings) {
        return new ServerConfig(port, dataDir, publicUrl, database, smtp, adminPassword, storeUrl, reconnectGrace,
                heartbeat, mailRetry, requestsPerAddress, clientLimits, settings, cluster);
    }
}
