package dev.tandem.server.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.tandem.server.ServerConfig.DatabaseSettings;
import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;

/** The connection pool and the migrated schema. Thread-safe. */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final boolean embedded;

    private Database(HikariDataSource dataSource, boolean embedded) {
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
        // Filters add optional WHERE clauses; their parameters are bound either way.
        jdbi.getConfig(SqlStatements.class).setUnusedBindingAllowed(true);
        this.embedded = embedded;
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
        config.setConnectionTimeout(5_000);
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
        return new Database(dataSource, settings.isEmbedded());
    }

    public Jdbi jdbi() { return jdbi; }

    public boolean isEmbedded() { return embedded; }

    /**
     * Closes an embedded database rewriting its file, so pages that held values since replaced
     * (a secret stored in clear by an older version) are gone from the disk; reopen to go on.
     */
    public void closeCompacted() {
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

        DatabaseUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
