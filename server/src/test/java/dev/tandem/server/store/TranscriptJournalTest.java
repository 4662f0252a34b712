package dev.tandem.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.server.ServerConfig.DatabaseSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The journal's file format: what a server killed in the middle of a write leaves behind. */
class TranscriptJournalTest {

    @Test
    void aRecordCutShortOrDamagedEndsTheFileAndTheOnesBeforeItAreRead() throws Exception {
        Path dir = Files.createTempDirectory("journal");
        Database database = Database.open(DatabaseSettings.embedded(dir));
        Path file;
        try {
            TranscriptJournal journal = TranscriptJournal.open(dir.resolve("tandem"), database.jdbiWithoutSync(),
                    database::awaitDurable);
            journal.write(List.of(line(1, "hola"), line(2, "¿qué tal? 😀")));
            journal.write(List.of(line(3, null)));
            try (var files = Files.list(dir)) {
                file = files.filter(p -> p.getFileName().toString().endsWith(".journal")).findFirst().orElseThrow();
            }
            Path copy = Files.copy(file, dir.resolve("copy"));
            journal.close();
            assertThat(file).as("a clean stop deletes the journal").doesNotExist();
            file = copy;
        } finally {
            database.close();
        }
        assertThat(TranscriptJournal.read(file)).containsExactly(line(1, "hola"), line(2, "¿qué tal? 😀"), line(3, null));

        byte[] whole = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(whole, whole.length - 3));
        assertThat(TranscriptJournal.read(file)).as("the last record cut short").hasSize(2);

        Files.write(file, whole);
        Files.write(file, new byte[] {0, 0, 0, 40, 1, 2, 3, 4, 9, 9}, StandardOpenOption.APPEND);
        assertThat(TranscriptJournal.read(file)).as("a damaged record after the last good one").hasSize(3);

        whole[whole.length - 1] ^= 1;
        Files.write(file, whole);
        assertThat(TranscriptJournal.read(file)).as("a flipped bit fails the checksum").hasSize(2);
    }

    private static StoredLine line(long seq, String eventKey) {
        return new StoredLine("s_1", seq, "customer", "Ana", "text " + seq, seq, Instant.ofEpochSecond(1_800_000_000L, 123),
                eventKey, eventKey == null ? null : "{\"a\":\"b\"}");
    }
}
