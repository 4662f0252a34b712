package dev.tandem.server.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.tandem.server.ServerConfig.DatabaseSettings;
import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection pool and the migrated schema. Thread-safe.
 *
 * <p>Durability: a commit on PostgreSQL returns once the server has flushed its write-ahead log
 * (every connection sets {@code synchronous_commit} to {@code on}, whatever the server's default,
 * and a server running with {@code fsync=off} is reported at start). The embedded H2 database runs
 * with {@code WRITE_DELAY=0}, so a commit is in the database file when it returns (H2's default
 * kept commits in memory for up to half a second: a killed server lost them), and
 * {@link #awaitDurable()} waits until the file is synced to disk. Whatever is acknowledged to a
 * person (a chat message's {@code 201}, {@code ack} and {@code seq}) waits for it.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final boolean embedded;
    private final DiskSync diskSync;
    /** Workers of the stores (the transcript writer), stopped before the pool closes. */
    private final java.util.List<AutoCloseable> workers = new java.util.concurrent.CopyOnWriteArrayList<>();

    private Database(HikariDataSource dataSource, boolean embedded) {
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
        // Filters add optional WHERE clauses; their parameters are bound either way.
        jdbi.getConfig(SqlStatements.class).setUnusedBindingAllowed(true);
        this.embedded = embedded;
        this.diskSync = embedded ? new DiskSync(jdbi) : null;
    }

    /**
     * Returns once every transaction this thread committed before the call is on disk: at once on
     * PostgreSQL (its commit already waited for the log flush), after the next group sync on H2.
     * Throws {@link DatabaseUnavailableException} when the disk cannot confirm it.
     */
    public void awaitDurable() {
        if (diskSync != null) {
            diskSync.await();
        }
    }

    /**
     * True when {@code error} means the database cannot be reached or cannot write right now (a
     * stopped PostgreSQL, a pool that waited in vain, a disk that failed to sync), as opposed to a
     * mistake in a query: the caller answers 503 and the client tries again later.
     */
    public static boolean isUnavailable(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof DatabaseUnavailableException
                    || cause instanceof java.sql.SQLTransientConnectionException
                    || cause instanceof java.sql.SQLNonTransientConnectionException
                    || cause instanceof java.net.ConnectException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                // 08: connection exceptions; 57P01-57P03: the server shut down or cannot take connections yet.
                if (state.startsWith("08") || state.startsWith("57P")) {
                    return true;
                }
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /**
     * Connects and migrates. Fails with {@link DatabaseUnavailableException} carrying a one-line
     * message when the database cannot be reached.
     */
    public static Database open(DatabaseSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.isEmbedded() ? 8 : 16);
        config.setPoolName("tandem-db");
        config.setInitializationFailTimeout(5_000);
        // While the database is away a request waits this long for a connection, then answers 503.
        config.setConnectionTimeout(2_000);
        if (!settings.isEmbedded()) {
            // An acknowledgement must mean the commit is on disk, whatever the server's default says.
            config.setConnectionInitSql("SET synchronous_commit TO on");
        }
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new DatabaseUnavailableException("Cannot reach the database at " + settings.jdbcUrl() + ": "
                    + rootMessage(e), e);
        }
        try {
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw new DatabaseUnavailableException("Cannot prepare the database schema: " + rootMessage(e), e);
        }
        if (!settings.isEmbedded()) {
            warnWhenNotDurable(dataSource);
        }
        return new Database(dataSource, settings.isEmbedded());
    }

    private static void warnWhenNotDurable(HikariDataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
             var rs = connection.createStatement().executeQuery("SHOW fsync")) {
            if (rs.next() && "off".equalsIgnoreCase(rs.getString(1))) {
                LOG.warn("PostgreSQL runs with fsync=off: a power failure of the database machine can lose messages "
                        + "that were already confirmed. Turn fsync on in postgresql.conf for production.");
            }
        } catch (SQLException e) {
            LOG.debug("Could not read PostgreSQL's fsync setting", e);
        }
    }

    public Jdbi jdbi() { return jdbi; }

    /** Registers a store's worker to stop when the database closes; returns it. */
    <T extends AutoCloseable> T closing(T worker) {
        workers.add(worker);
        return worker;
    }

    private void stopWorkers() {
        for (AutoCloseable worker : workers) {
            try {
                worker.close();
            } catch (Exception e) {
                LOG.warn("A database worker did not stop cleanly", e);
            }
        }
    }

    public boolean isEmbedded() { return embedded; }

    /**
     * Closes an embedded database rewriting its file, so pages that held values since replaced
     * (a secret stored in clear by an older version) are gone from the disk; reopen to go on.
     */
    public void closeCompacted() {
        stopWorkers();
        if (embedded) {
            try (Connection connection = dataSource.getConnection()) {
                connection.createStatement().execute("SHUTDOWN COMPACT");
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
        dataSource.close();
    }

    @Override
    public void close() {
        stopWorkers();
        if (diskSync != null) {
            diskSync.close();
        }
        if (embedded) {
            try (Connection connection = dataSource.getConnection()) {
                connection.createStatement().execute("SHUTDOWN");
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
        dataSource.close();
    }

    private static String rootMessage(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }

    /** The database cannot be used; the message is one line for the operator. */
    public static final class DatabaseUnavailableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public DatabaseUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
