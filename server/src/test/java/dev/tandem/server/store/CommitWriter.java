package dev.tandem.server.store;

import dev.tandem.protocol.message.Capabilities;
import dev.tandem.protocol.message.Capability;
import dev.tandem.protocol.message.DeviceInfo;
import dev.tandem.server.ServerConfig.DatabaseSettings;
import dev.tandem.server.domain.Portal;
import dev.tandem.server.domain.Role;
import dev.tandem.server.domain.Sender;
import dev.tandem.server.domain.TranscriptEntry;
import dev.tandem.server.domain.User;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;

/**
 * A child process for {@link EmbeddedDatabaseDurabilityTest}: writes one thing after another,
 * printing {@code committed N} each time a write returned, until it is killed. Modes:
 * <ul>
 *   <li>{@code jdbc URL}: plain JDBC commits of rows into {@code rows_written} (H2 as configured by the URL);</li>
 *   <li>{@code store DIR}: the same rows through the server's store on its embedded database;</li>
 *   <li>{@code transcript DIR}: chat lines of session {@code s_1} through the server's transcript writer.</li>
 * </ul>
 */
public final class CommitWriter {
    static final String SESSION = "s_1";

    private CommitWriter() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "jdbc" -> jdbc(args[1]);
            case "store" -> store(Path.of(args[1]));
            case "transcript" -> transcript(Path.of(args[1]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    private static void jdbc(String url) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            connection.createStatement().execute("CREATE TABLE IF NOT EXISTS rows_written (n BIGINT PRIMARY KEY)");
            connection.setAutoCommit(true);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO rows_written (n) VALUES (?)")) {
                for (long n = 1; ; n++) {
                    insert.setLong(1, n);
                    insert.executeUpdate();
                    confirmed(n);
                }
            }
        }
    }

    private static void store(Path dir) {
        Database database = Database.open(DatabaseSettings.embedded(dir));
        database.jdbi().useHandle(h -> h.execute("CREATE TABLE IF NOT EXISTS rows_written (n BIGINT PRIMARY KEY)"));
        for (long n = 1; ; n++) {
            long row = n;
            database.jdbi().useHandle(h -> h.execute("INSERT INTO rows_written (n) VALUES (?)", row));
            confirmed(n);
        }
    }

    private static void transcript(Path dir) {
        Database database = Database.open(DatabaseSettings.embedded(dir));
        User bob = new UserStore(database).create("bob", "Bob", Role.TECHNICIAN, "h");
        Portal portal = new PortalStore(database).create(new Portal(0, "p1", "P1", "en", false, true, true, 20, 8));
        SessionStore sessions = new SessionStore(database);
        Capabilities caps = new Capabilities(Capability.available(), Capability.available(), Capability.available(),
                Capability.available());
        sessions.jdbi().useTransaction(h -> sessions.insert(h, SESSION, null, bob.id(), portal.id(), "Ana",
                new DeviceInfo("LGE", "LM-V600", "13", 33, "lg"), caps, "hash", Instant.now()));
        MessageStore messages = new MessageStore(database);
        for (long n = 1; ; n++) {
            Sender sender = n % 2 == 0 ? Sender.CUSTOMER : Sender.TECHNICIAN;
            messages.appendDurably(new TranscriptEntry(SESSION, n, sender, "Ana", "line " + n, Instant.now()),
                    sender == Sender.CUSTOMER ? n / 2 : null);
            confirmed(n);
        }
    }

    private static void confirmed(long n) {
        System.out.println("committed " + n);
        System.out.flush();
    }
}
