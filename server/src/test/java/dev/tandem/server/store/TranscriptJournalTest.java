package dev.tandem.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.server.ServerConfig.DatabaseSettings;
import java.nio.file.Files;
import java.nio.file.Path;
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
                file = files.filter(p -> p.getFileName().toString().endsWith(".journal")).sorted().findFirst().orElseThrow();
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
        assertThat(whole.length).as("the file is written full of zeros before use").isGreaterThanOrEqualTo(1 << 20);
        int end = whole.length;
        while (whole[end - 1] == 0) {
            end--; // the last record ends with the -1 length of its absent event parameters
        }

        byte[] cut = whole.clone();
        java.util.Arrays.fill(cut, end - 3, end, (byte) 0);
        Files.write(file, cut);
        assertThat(TranscriptJournal.read(file)).as("the last record cut short").hasSize(2);

        byte[] damaged = whole.clone();
        System.arraycopy(new byte[] {0, 0, 0, 40, 1, 2, 3, 4, 9, 9}, 0, damaged, end, 10);
        Files.write(file, damaged);
        assertThat(TranscriptJournal.read(file)).as("a damaged record after the last good one").hasSize(3);

        byte[] flipped = whole.clone();
        flipped[end - 1] ^= 1;
        Files.write(file, flipped);
        assertThat(TranscriptJournal.read(file)).as("a flipped bit fails the checksum").hasSize(2);
    }

    private static StoredLine line(long seq, String eventKey) {
        return new StoredLine("s_1", seq, "customer", "Ana", "text " + seq, seq, Instant.ofEpochSecond(1_800_000_000L, 123),
                eventKey, eventKey == null ? null : "{\"a\":\"b\"}");
    }
}
