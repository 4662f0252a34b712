package dev.tandem.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.server.testing.PostgresServer;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a log file's bytes live: under --data/logs alone, in PostgreSQL as one node of several. */
class LogVaultTest {
    private static final byte[] LOG = "E/AndroidRuntime: FATAL EXCEPTION: main\n".getBytes(StandardCharsets.UTF_8);

    @Test
    void aloneAKeptFileIsOnThisServersDiskAndRetentionRemovesIt(@TempDir Path data) throws Exception {
        LogVault vault = new LogVault(data);
        upload(vault, "s_alone", "f1");
        assertThat(data.resolve("logs/s_alone/f1")).hasBinaryContent(LOG);
        assertThat(vault.read("s_alone", "f1")).isEqualTo(LOG);
        assertThat(vault.deleteSession("s_alone")).isTrue();
        assertThat(data.resolve("logs/s_alone")).doesNotExist();
    }

    @Test
    void asNodesAFileKeptOnOneIsReadOnAnotherAndRetentionOnAnyRemovesIt(@TempDir Path nodeA, @TempDir Path nodeB)
            throws Exception {
        Database database = Database.open(PostgresServer.shared().newDatabase());
        try {
            LogVault onA = LogVault.sharedThrough(nodeA, database);
            LogVault onB = LogVault.sharedThrough(nodeB, database);
            upload(onA, "s_nodes", "f1");
            assertThat(onB.read("s_nodes", "f1")).as("read on the node that did not receive it").isEqualTo(LOG);
            try (var files = Files.walk(nodeA)) {
                assertThat(files.filter(Files::isRegularFile)).as("nothing left on the receiving node's disk").isEmpty();
            }

            assertThat(onB.deleteSession("s_nodes")).isTrue();
            assertThatThrownBy(() -> onA.read("s_nodes", "f1")).isInstanceOf(UncheckedIOException.class);
        } finally {
            database.close();
        }
    }

    private static void upload(LogVault vault, String session, String file) throws Exception {
        try (OutputStream part = vault.openPart(session, file)) {
            part.write(LOG);
        }
        vault.keep(session, file);
    }
}
