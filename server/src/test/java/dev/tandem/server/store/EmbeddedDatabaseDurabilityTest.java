package dev.tandem.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.server.ServerConfig.DatabaseSettings;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Why a killed server lost messages it had confirmed, and why it does not any more. H2 keeps a
 * committed transaction in memory until its background writer stores it (500 ms by default,
 * {@code WRITE_DELAY}); a process committing rows is killed with SIGKILL, and on H2 alone the last
 * confirmed rows are gone. Through the server's store every confirmed write is there after the kill:
 * rows written through its pool (which waits for a sync of the file) and chat lines written through
 * the transcript writer (journaled, and replayed at the next start).
 */
class EmbeddedDatabaseDurabilityTest {
    private static final int COMMITS_BEFORE_KILL = 400;

    @Test
    void onH2sDefaultWriteDelayAKilledProcessLosesCommittedRows() throws Exception {
        Path dir = Files.createTempDirectory("h2-default");
        String url = "jdbc:h2:file:" + dir.resolve("db") + ";MODE=PostgreSQL";
        long confirmed = killWhileCommitting("jdbc", url);
        long stored = rowsWritten(url);
        System.out.printf("H2 default write delay: %d rows confirmed, %d on disk after SIGKILL%n", confirmed, stored);
        assertThat(stored).as("rows on disk after the kill, of %d confirmed", confirmed).isLessThan(confirmed);
    }

    @Test
    void throughTheServersStoreEveryConfirmedRowSurvivesTheKill() throws Exception {
        for (int run = 0; run < 3; run++) {
            Path dir = Files.createTempDirectory("h2-store");
            long confirmed = killWhileCommitting("store", dir.toString());
            long stored = rowsWritten(DatabaseSettings.embedded(dir).jdbcUrl());
            System.out.printf("server's store: %d rows confirmed, %d on disk after SIGKILL%n", confirmed, stored);
            assertThat(stored).as("rows on disk after the kill, of %d confirmed", confirmed)
                    .isGreaterThanOrEqualTo(confirmed);
        }
    }

    @Test
    void everyConfirmedChatLineIsInTheTranscriptAfterTheKillAndTheNextStart() throws Exception {
        for (int run = 0; run < 3; run++) {
            Path dir = Files.createTempDirectory("h2-transcript");
            long confirmed = killWhileCommitting("transcript", dir.toString());
            Database database = Database.open(DatabaseSettings.embedded(dir));
            try {
                MessageStore messages = new MessageStore(database);
                List<Long> seqs = messages.listAfter(CommitWriter.SESSION, 0).stream().map(e -> e.seq()).toList();
                System.out.printf("transcript: %d lines confirmed, %d stored after SIGKILL and restart%n", confirmed,
                        seqs.size());
                assertThat(seqs.size()).as("lines after the restart, of %d confirmed", confirmed)
                        .isGreaterThanOrEqualTo((int) confirmed);
                for (int i = 0; i < seqs.size(); i++) {
                    assertThat(seqs.get(i)).as("seq without gaps or repeats").isEqualTo(i + 1L);
                }
                assertThat(messages.maxCseq(CommitWriter.SESSION)).isGreaterThanOrEqualTo(confirmed / 2);
            } finally {
                database.close();
            }
            try (var left = Files.list(dir)) {
                assertThat(left.filter(p -> p.getFileName().toString().endsWith(".journal")).count())
                        .as("journal files replayed at start are removed, and the new one at a clean stop")
                        .isZero();
            }
        }
    }

    /** Runs {@link CommitWriter}, kills it with SIGKILL mid-stream; answers how many writes it confirmed. */
    private static long killWhileCommitting(String mode, String target) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process writer = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                CommitWriter.class.getName(), mode, target)).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        long confirmed = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                confirmed = Long.parseLong(line.substring("committed ".length()));
                if (confirmed == COMMITS_BEFORE_KILL) {
                    writer.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no close
                    break;
                }
            }
        }
        assertThat(writer.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(confirmed).isEqualTo(COMMITS_BEFORE_KILL);
        return confirmed;
    }

    private static long rowsWritten(String url) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            ResultSet table = connection.createStatement().executeQuery(
                    "SELECT 1 FROM INFORMATION_SCHEMA.TABLES WHERE LOWER(TABLE_NAME) = 'rows_written'");
            if (!table.next()) {
                return 0; // even the table, created and committed first, was lost
            }
            try (ResultSet rows = connection.createStatement().executeQuery("SELECT COUNT(*) FROM rows_written")) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
