package dev.tandem.android.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A crash is written into the app's log before the platform's own handler ends the process. */
class CrashRecorderTest {

    @Test
    void theCrashIsLoggedThenHandedOn(@TempDir Path dir) throws Exception {
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        List<Throwable> handedOn = new ArrayList<>();
        Thread.setDefaultUncaughtExceptionHandler((thread, failure) -> handedOn.add(failure));
        try {
            AppLog log = AppLog.in(dir.toFile(), 64 * 1024);
            CrashRecorder.install(log);
            IllegalStateException boom = new IllegalStateException("the capture failed");
            Thread.getDefaultUncaughtExceptionHandler().uncaughtException(Thread.currentThread(), boom);

            assertThat(new String(log.contents(), StandardCharsets.UTF_8))
                    .contains("The app crashed on thread").contains("the capture failed")
                    .contains("CrashRecorderTest");
            assertThat(handedOn).containsExactly(boom);
            assertThat(Files.exists(dir.resolve("tandem.log"))).isTrue();
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(before);
        }
    }
}
