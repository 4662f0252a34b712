package dev.tandem.server.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;

/**
 * A child process for {@link EmbeddedDatabaseDurabilityTest}: opens the H2 database at the JDBC URL
 * it is given, then commits one row after another, printing {@code committed N} after each commit
 * returned, until it is killed.
 */
public final class CommitWriter {
    private CommitWriter() {
    }

    public static void main(String[] args) throws Exception {
        try (Connection connection = DriverManager.getConnection(args[0], "sa", "")) {
            connection.createStatement().execute("CREATE TABLE IF NOT EXISTS rows_written (n BIGINT PRIMARY KEY)");
            connection.setAutoCommit(true);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO rows_written (n) VALUES (?)")) {
                for (long n = 1; ; n++) {
                    insert.setLong(1, n);
                    insert.executeUpdate();
                    System.out.println("committed " + n);
                    System.out.flush();
                }
            }
        }
    }
}
