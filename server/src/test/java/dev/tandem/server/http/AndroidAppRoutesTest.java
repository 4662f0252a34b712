package dev.tandem.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.server.ServerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AndroidAppRoutesTest {

    @Test
    void withoutAnApkTheJoinPageKeepsTheStore() {
        AndroidAppRoutes none = AndroidAppRoutes.create(Optional.empty(), "");
        assertThat(none.downloadLink(ServerConfig.DEFAULT_STORE_URL)).isEqualTo(ServerConfig.DEFAULT_STORE_URL);
    }

    @Test
    void aMissingApkFileTurnsTheDownloadOff(@TempDir Path dir) {
        AndroidAppRoutes missing = AndroidAppRoutes.create(Optional.of(dir.resolve("tandem.apk")), "");
        assertThat(missing.downloadLink(ServerConfig.DEFAULT_STORE_URL)).isEqualTo(ServerConfig.DEFAULT_STORE_URL);
    }

    @Test
    void anApkIsOfferedUnlessTheOperatorConfiguredAStore(@TempDir Path dir) throws IOException {
        Path apk = Files.write(dir.resolve("tandem.apk"), new byte[] {1, 2, 3});
        AndroidAppRoutes app = AndroidAppRoutes.create(Optional.of(apk), "");
        assertThat(app.downloadLink(ServerConfig.DEFAULT_STORE_URL)).isEqualTo("/app/tandem.apk");
        assertThat(app.downloadLink("https://store.example.com/tandem")).isEqualTo("https://store.example.com/tandem");
    }

    @Test
    void anUnsignedFileHasNoCertificateToPublish(@TempDir Path dir) throws IOException {
        Path notAnApk = Files.write(dir.resolve("x.apk"), new byte[100]);
        assertThatThrownBy(() -> AndroidAppRoutes.signingCertificates(notAnApk)).isInstanceOf(IOException.class)
                .hasMessageContaining("not a ZIP file");
    }
}
