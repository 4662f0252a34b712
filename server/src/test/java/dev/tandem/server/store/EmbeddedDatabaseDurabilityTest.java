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
 * Why a killed server lost messages it had confirmed: H2 keeps a committed transaction in memory
 * until its background writer stores it (500 ms by default, {@code WRITE_DELAY}). A process
 * committing rows is killed with SIGKILL; on H2's default the last confirmed rows are gone, on the
 * URL the server uses every confirmed row is there.
 */
class EmbeddedDatabaseDurabilityTest {
    private static final int COMMITS_BEFORE_KILL = 400;

    @Test
    void onH2sDefaultWriteDelayAKilledProcessLosesCommittedRows() throws Exception {
        Path dir = Files.createTempDirectory("h2-default");
        String url = "jdbc:h2:file:" + dir.resolve("db") + ";MODE=PostgreSQL";
        long[] confirmedAndStored = killWhileCommitting(url);
        System.out.printf("H2 default write delay: %d rows confirmed, %d on disk after SIGKILL%n", confirmedAndStored[0],
                confirmedAndStored[1]);
        assertThat(confirmedAndStored[1]).as("rows on disk after the kill, of %d confirmed", confirmedAndStored[0])
                .isLessThan(confirmedAndStored[0]);
    }

    @Test
    void onTheServersUrlEveryCommittedRowSurvivesTheKill() throws Exception {
        for (int run = 0; run < 3; run++) {
            Path dir = Files.createTempDirectory("h2-server");
            long[] confirmedAndStored = killWhileCommitting(DatabaseSettings.embedded(dir).jdbcUrl());
            System.out.printf("server's H2 URL: %d rows confirmed, %d on disk after SIGKILL%n", confirmedAndStored[0],
                    confirmedAndStored[1]);
            assertThat(confirmedAndStored[1]).as("rows on disk after the kill, of %d confirmed", confirmedAndStored[0])
                    .isGreaterThanOrEqualTo(confirmedAndStored[0]);
        }
    }

    /** Runs {@link CommitWriter}, kills it with SIGKILL mid-stream; answers {confirmed, stored}. */
    private static long[] killWhileCommitting(String url) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process writer = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                CommitWriter.class.getName(), url)).redirectError(ProcessBuilder.Redirect.DISCARD).start();
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
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            ResultSet table = connection.createStatement().executeQuery(
                    "SELECT 1 FROM INFORMATION_SCHEMA.TABLES WHERE LOWER(TABLE_NAME) = 'rows_written'");
            if (!table.next()) {
                return new long[] {confirmed, 0}; // even the table, created and committed first, was lost
            }
            try (ResultSet rows = connection.createStatement().executeQuery("SELECT COUNT(*) FROM rows_written")) {
                rows.next();
                return new long[] {confirmed, rows.getLong(1)};
            }
        }
    }
}
