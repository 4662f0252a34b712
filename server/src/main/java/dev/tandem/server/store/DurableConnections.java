package dev.tandem.server.store;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The embedded database's pool as the stores see it: a connection that wrote goes back to the pool,
 * and then whoever closed it waits until a sync of the database file that began after the write has
 * finished ({@link DiskSync}). So every store's write is on disk when its method returns, whichever
 * door it came through (a {@code 201}, a phone's {@code ack}, a timer), while H2 itself is free to
 * keep changes in memory and write its file in the background: syncs are shared by every writer
 * waiting at the same moment, and nobody holds a connection while waiting.
 *
 * <p>Writes are recognized by their SQL: anything but a query counts. The transcript writer does not
 * use this pool: its lines are made durable by the {@link TranscriptJournal}.
 */
final class DurableConnections implements DataSource {
    private final DataSource pool;
    private final Runnable awaitDurable;

    DurableConnections(DataSource pool, Runnable awaitDurable) {
        this.pool = pool;
        this.awaitDurable = awaitDurable;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return watched(pool.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return watched(pool.getConnection(username, password));
    }

    private Connection watched(Connection connection) {
        boolean[] wrote = {false};
        boolean[] closed = {false};
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "prepareStatement", "prepareCall" -> {
                            if (!isQuery((String) args[0])) {
                                wrote[0] = true;
                            }
                        }
                        case "createStatement" -> wrote[0] = true;
                        default -> {
                            // everything else as it is
                        }
                    }
                    Object result;
                    try {
                        result = method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if ("close".equals(method.getName()) && !closed[0]) {
                        closed[0] = true;
                        if (wrote[0]) {
                            awaitDurable.run();
                        }
                    }
                    return result;
                });
    }

    /** True for statements that only read: they need no sync. */
    static boolean isQuery(String sql) {
        String head = sql.stripLeading();
        int end = 0;
        while (end < head.length() && Character.isLetter(head.charAt(end))) {
            end++;
        }
        return switch (head.substring(0, end).toUpperCase(Locale.ROOT)) {
            case "SELECT", "SHOW", "VALUES", "EXPLAIN", "TABLE" -> true;
            default -> false;
        };
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws java.sql.SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return pool.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return pool.isWrapperFor(type);
    }
}
