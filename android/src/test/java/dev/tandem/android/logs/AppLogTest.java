package dev.tandem.android.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppLogTest {

    @Test
    void linesAreStampedAndFailuresCarryTheirStack(@TempDir Path dir) throws IOException {
        AppLog log = AppLog.in(dir.toFile(), 64 * 1024);
        log.write("WARN", "AgentSession", "Reconnecting in 500 ms", new IOException("connection reset"));
        String text = new String(log.contents(), StandardCharsets.UTF_8);
        assertThat(text).matches("(?s)\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z WARN AgentSession: Reconnecting in 500 ms\n"
                + "  java.io.IOException: connection reset\n    at .*");
    }

    @Test
    void theLogRollsOverAtItsLimitKeepingOneOlderFile(@TempDir Path dir) throws IOException {
        AppLog log = AppLog.in(dir.toFile(), 2048);
        for (int i = 0; i < 200; i++) {
            log.write("INFO", "Test", "line " + i, null);
        }
        assertThat(Files.size(dir.resolve("tandem.log"))).isLessThanOrEqualTo(2048);
        assertThat(Files.size(dir.resolve("tandem.log.1"))).isLessThanOrEqualTo(2048);
        String text = new String(log.contents(), StandardCharsets.UTF_8);
        assertThat(text).contains("line 199").doesNotContain("line 0\n");
        assertThat(text.indexOf("line 150")).isLessThan(text.indexOf("line 199"));
    }

    @Test
    void theNewestEndOfALongFileIsKept() {
        byte[] big = new byte[PhoneLogs.MAX_BYTES + 10];
        big[big.length - 1] = 42;
        byte[] kept = PhoneLogs.newest(big);
        assertThat(kept).hasSize(PhoneLogs.MAX_BYTES);
        assertThat(kept[kept.length - 1]).isEqualTo((byte) 42);
    }
}
