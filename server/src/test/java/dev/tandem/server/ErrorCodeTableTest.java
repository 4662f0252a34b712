package dev.tandem.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.protocol.TandemStatus;
import dev.tandem.server.i18n.Catalogue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The error table is the only source of codes, statuses and close codes: the console's copy is
 * written from it (run this test with {@code -Dtandem.writeGenerated=true} to rewrite it), and the
 * server's sources name no close code as a bare number.
 */
class ErrorCodeTableTest {
    private static final Path CONSOLE_COPY = Path.of("..", "console", "src", "api", "errorCodes.ts");
    private static final Path MAIN_SOURCES = Path.of("src", "main", "java");

    @Test
    void theConsolesCopyIsWrittenFromTheTable() throws IOException {
        String expected = ErrorCodeScript.render();
        if (Boolean.getBoolean("tandem.writeGenerated")) {
            Files.writeString(CONSOLE_COPY, expected, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(CONSOLE_COPY, StandardCharsets.UTF_8))
                .as("%s is written from ErrorCode; rerun ErrorCodeTableTest with -Dtandem.writeGenerated=true", CONSOLE_COPY)
                .isEqualTo(expected);
    }

    @Test
    void everyWireStatusIsOneEntryWithTheSameCodeStatusAndCloseCode() {
        for (TandemStatus status : TandemStatus.values()) {
            ErrorCode entry = ErrorCode.of(status);
            assertThat(entry.code()).isEqualTo(status.code());
            assertThat(entry.httpStatus()).isEqualTo(status.httpStatus());
            assertThat(entry.closeCode()).hasValue(status.closeCode());
            assertThat(entry.exitCode()).hasValue(status.exitCode());
            assertThat(entry.isFinal()).isEqualTo(status.isFinal());
        }
    }

    @Test
    void aCodeAndStatusNameOneEntryAndWireCloseCodesAreUnique() {
        Set<String> codeAndStatus = new HashSet<>();
        Set<Integer> wireCloseCodes = new HashSet<>();
        for (ErrorCode entry : ErrorCode.values()) {
            assertThat(entry.code()).matches("[a-z][a-z_]*");
            assertThat(codeAndStatus.add(entry.code() + "/" + entry.httpStatus())).as(entry.name()).isTrue();
            if (entry.wire().isPresent()) {
                assertThat(wireCloseCodes.add(entry.socketCloseCode())).as(entry.name()).isTrue();
            }
        }
    }

    @Test
    void everyMessageKeyIsInTheCatalogue() {
        Catalogue catalogue = Catalogue.standard();
        for (ErrorCode entry : ErrorCode.values()) {
            entry.messageKey().ifPresent(key -> assertThat(catalogue.has(key)).as(entry.name() + " -> " + key).isTrue());
        }
    }

    @Test
    void noServerSourceClosesASocketWithABareNumber() throws IOException {
        Pattern bare = Pattern.compile("(closeSession|disconnect|\\.close)\\([^;]*\\b(1008|4\\d\\d\\d)\\b");
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN_SOURCES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                if (bare.matcher(text).find()) {
                    offenders.add(file.toString());
                }
            }
        }
        assertThat(offenders).as("close codes come from ErrorCode").isEmpty();
    }
}
