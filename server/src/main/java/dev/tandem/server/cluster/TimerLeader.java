package dev.tandem.server.cluster;

import dev.tandem.server.ServerConfig.DatabaseSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which node runs the timers that must run once for the whole cluster (code and request expiry, mail
 * retry, retention, sign-in clean-up, the grace deadlines of dead nodes' sessions): the holder of a
 * PostgreSQL advisory lock, taken with {@code pg_try_advisory_lock} on a connection of its own and
 * held as long as that connection lives. When the leader dies its connection ends, PostgreSQL
 * releases the lock, and the next node that tries takes it. A server that runs alone always leads.
 * Thread-safe.
 */
public final class TimerLeader implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TimerLeader.class);
    /** The advisory lock's key: "TANDEM" in ASCII. Advisory locks are per database, so one cluster per database. */
    static final long LOCK_KEY = 0x54414E44454DL;
    private final DatabaseSettings database;
    private Connection connection;
    private volatile boolean leads;

    private TimerLeader(DatabaseSettings database, boolean leads) {
        this.database = database;
        this.leads = leads;
    }

    /** A server that runs alone: it always leads. */
    public static TimerLeader alone() {
        return new TimerLeader(null, true);
    }

    /** A node of a cluster on {@code database} (PostgreSQL): it leads once it holds the lock. */
    public static TimerLeader onPostgres(DatabaseSettings database) {
        return new TimerLeader(database, false);
    }

    /** True while this node runs the cluster's timers. */
    public boolean leads() {
        return leads;
    }

    /**
     * Checks the lock (each node heartbeat): a leader whose connection broke no longer leads; a
     * follower tries to take the lock. Returns true when this node has just become the leader.
     */
    public synchronized boolean refresh() {
        if (database == null) {
            return false;
        }
        try {
            if (connection == null || !connection.isValid(2)) {
                if (leads) {
                    LOG.warn("This node lost its connection holding the timer lock; another node may lead now");
                }
                leads = false;
                closeConnection();
                connection = open();
            }
            if (leads) {
                return false;
            }
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                lock.setLong(1, LOCK_KEY);
                try (ResultSet rs = lock.executeQuery()) {
                    leads = rs.next() && rs.getBoolean(1);
                }
            }
            if (leads) {
                LOG.info("This node now runs the cluster's timers (expiry, mail retry, retention, grace deadlines)");
            }
            return leads;
        } catch (SQLException e) {
            LOG.warn("Cannot check the timer lock: {}", e.getMessage());
            leads = false;
            closeConnection();
            return false;
        }
    }

    private Connection open() throws SQLException {
        Properties properties = new Properties();
        if (database.user() != null) {
            properties.setProperty("user", database.user());
        }
        if (database.password() != null) {
            properties.setProperty("password", database.password());
        }
        properties.setProperty("ApplicationName", "tandem timer lock");
        return DriverManager.getConnection(database.jdbcUrl(), properties);
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // gone already
            }
            connection = null;
        }
    }

    /** Lets the lock go (the connection ends), so another node takes the timers at its next heartbeat. */
    @Override
    public synchronized void close() {
        leads = database == null;
        closeConnection();
    }
}
