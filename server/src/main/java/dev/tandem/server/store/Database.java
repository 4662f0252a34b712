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
 * <p>Durability: a store's write is on disk when its method returns, so whatever is acknowledged
 * (a {@code 201}, a phone's {@code ack}, a {@code seq}) survives a killed server or a power cut.
 * On PostgreSQL a commit returns once the server has flushed its write-ahead log (every connection
 * sets {@code synchronous_commit} to {@code on}, whatever the server's default, and a server running
 * with {@code fsync=off} is reported at start). The embedded H2 database keeps commits in memory and
 * writes its file in the background; every connection that wrote waits, after going back to the
 * pool, for a shared sync of the file ({@link DurableConnections}, {@link DiskSync}), and chat lines
 * go to the {@link TranscriptJournal} instead, whose syncs are much cheaper.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    /** The same pool without the wait for a disk sync after a write (see {@link #jdbiWithoutSync()}). */
    private final Jdbi unsynced;
    private final java.util.Optional<java.nio.file.Path> journalBase;
    private final boolean embedded;
    private final DiskSync diskSync;
    /** Workers of the stores (the transcript writer), stopped before the pool closes. */
    private final java.util.List<AutoCloseable> workers = new java.util.concurrent.CopyOnWriteArrayList<>();

    private Database(HikariDataSource dataSource, DatabaseSettings settings) {
        this.dataSource = dataSource;
        this.embedded = settings.isEmbedded();
        this.unsynced = configured(Jdbi.create(dataSource));
        this.diskSync = embedded ? new DiskSync(unsynced) : null;
        this.jdbi = embedded ? configured(Jdbi.create(new DurableConnections(dataSource, diskSync::await))) : unsynced;
        this.journalBase = settings.embeddedFile();
    }

    private static Jdbi configured(Jdbi jdbi) {
        // Filters add optional WHERE clauses; their parameters are bound either way.
        jdbi.getConfig(SqlStatements.class).setUnusedBindingAllowed(true);
        return jdbi;
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
        config.setMaximumPoolSize(16);
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
        } else {
            syncFile(dataSource);
        }
        return new Database(dataSource, settings);
    }

    /** The migrations on disk before anything relies on them. */
    private static void syncFile(HikariDataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().execute("CHECKPOINT SYNC");
        } catch (SQLException e) {
            dataSource.close();
            throw new DatabaseUnavailableException("Cannot write the database file: " + rootMessage(e), e);
        }
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

    /** For the stores: on the embedded database a write returns once it is on disk. */
    public Jdbi jdbi() { return jdbi; }

    /**
     * The pool without waiting for disk syncs: for the transcript writer, whose lines the journal
     * makes durable, and for the disk sync itself.
     */
    Jdbi jdbiWithoutSync() { return unsynced; }

    /** The pool itself, without waiting for disk syncs: for the transcript writer's plain JDBC insert. */
    javax.sql.DataSource connectionsWithoutSync() { return dataSource; }

    /** The embedded database's file name without its suffix, when it is a file (the journal goes beside it). */
    java.util.Optional<java.nio.file.Path> journalBase() { return journalBase; }

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
