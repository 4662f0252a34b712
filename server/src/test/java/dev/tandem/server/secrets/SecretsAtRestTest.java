package dev.tandem.server.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.server.ServerConfig;
import dev.tandem.server.store.Database;
import dev.tandem.server.testing.RunningServer;
import dev.tandem.server.testing.StoredBytes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The secret box, the sealed SMTP password, the legacy clear one sealed on start, and --data's modes. */
class SecretsAtRestTest {
    private static final String PASSWORD = "smtp-Pa55word-that-must-not-leak";

    @Test
    void aSealedSecretOpensOnlyWithTheSameKeyAndPurpose(@TempDir Path data) {
        SecretBox box = SecretBox.load(data, Optional.empty());
        String sealed = box.seal("smtp.password", PASSWORD);
        assertThat(sealed).startsWith("v1:").doesNotContain(PASSWORD);
        assertThat(box.seal("smtp.password", PASSWORD)).as("a fresh nonce each time").isNotEqualTo(sealed);
        assertThat(box.open("smtp.password", sealed)).isEqualTo(PASSWORD);
        assertThat(SecretBox.load(data, Optional.empty()).open("smtp.password", sealed))
                .as("the key file is read again on the next start").isEqualTo(PASSWORD);
        assertThatThrownBy(() -> box.open("oidc.client-secret", sealed)).isInstanceOf(SecretBox.SecretUnreadable.class);
        assertThatThrownBy(() -> SecretBox.load(data, Optional.of(SecretBox.newKey())).open("smtp.password", sealed))
                .isInstanceOf(SecretBox.SecretUnreadable.class).hasMessageContaining("enter it again");
        String altered = sealed.substring(0, sealed.length() - 2) + (sealed.endsWith("A") ? "BB" : "AA");
        assertThatThrownBy(() -> box.open("smtp.password", altered)).isInstanceOf(SecretBox.SecretUnreadable.class);
    }

    @Test
    void theKeyFileIsCreatedOwnerOnlyAndAMalformedEnvironmentKeyIsRefusedInWords(@TempDir Path parent) throws Exception {
        Path data = parent.resolve("data");
        SecretBox.load(data, Optional.empty());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("secret.key"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
        assertThatThrownBy(() -> SecretBox.load(data, Optional.of("short")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TANDEM_SECRET_KEY")
                .hasMessageContaining("openssl rand -base64 32");
        String key = SecretBox.newKey();
        String sealed = SecretBox.load(data, Optional.of(key)).seal("x", "y");
        assertThat(SecretBox.load(parent.resolve("other"), Optional.of(key)).open("x", sealed)).isEqualTo("y");
    }

    @Test
    void theSmtpPasswordIsStoredSealedAndAnOlderClearOneIsSealedAndCompactedAway() throws Exception {
        try (RunningServer server = RunningServer.start()) {
            JsonNode set = server.admin().put("/api/v1/settings", "{\"smtp\":{\"url\":\"smtp://tandem@mail.example.test:587\","
                    + "\"password\":\"" + PASSWORD + "\"}}").expect(200).json();
            assertThat(set.at("/smtp/passwordSet").asBoolean()).isTrue();
            server.close();
            assertThat(StoredBytes.under(server.data()).containing(PASSWORD)).isEmpty();

            // An older version stored the password in clear, under smtp.password.
            try (Database db = Database.open(ServerConfig.DatabaseSettings.embedded(server.data()))) {
                db.jdbi().useHandle(h -> {
                    h.execute("DELETE FROM settings WHERE name LIKE 'smtp.password%'");
                    h.createUpdate("INSERT INTO settings (name, setting_value, updated_at) VALUES ('smtp.password', :v, :at)")
                            .bind("v", PASSWORD).bind("at", Instant.now()).execute();
                });
            }
            assertThat(StoredBytes.under(server.data()).containing(PASSWORD)).as("the old clear copy").isNotEmpty();
            server.restart();
            assertThat(server.admin().get("/api/v1/settings").expect(200).json().at("/smtp/passwordSet").asBoolean())
                    .isTrue();
            server.close();
            assertThat(StoredBytes.under(server.data()).containing(PASSWORD)).isEmpty();
            try (Database db = Database.open(ServerConfig.DatabaseSettings.embedded(server.data()))) {
                String sealed = db.jdbi().withHandle(h -> h.createQuery(
                        "SELECT setting_value FROM settings WHERE name = 'smtp.password.sealed'").mapTo(String.class).one());
                assertThat(SecretBox.load(server.data(), Optional.empty()).open("smtp.password", sealed)).isEqualTo(PASSWORD);
            }
            server.restart();
        }
    }

    @Test
    void aNewSmtpHostOrUserWithoutAPasswordClearsTheStoredOne() {
        try (RunningServer server = RunningServer.start()) {
            var admin = server.admin();
            admin.put("/api/v1/settings", "{\"smtp\":{\"url\":\"smtp://tandem:" + PASSWORD + "@mail.example.test:587\"}}")
                    .expect(200);
            JsonNode samePlace = admin.put("/api/v1/settings", "{\"smtp\":{\"url\":\"smtps://tandem@mail.example.test:465\"}}")
                    .expect(200).json();
            assertThat(samePlace.at("/smtp/passwordSet").asBoolean()).as("same host and user, other port").isTrue();
            JsonNode newHost = admin.put("/api/v1/settings", "{\"smtp\":{\"url\":\"smtps://tandem@elsewhere.example.test:465\"}}")
                    .expect(200).json();
            assertThat(newHost.at("/smtp/passwordSet").asBoolean()).isFalse();
            admin.put("/api/v1/settings", "{\"smtp\":{\"url\":\"smtps://tandem@elsewhere.example.test:465\",\"password\":\"p\"}}")
                    .expect(200);
            JsonNode newUser = admin.put("/api/v1/settings", "{\"smtp\":{\"url\":\"smtps://other@elsewhere.example.test:465\"}}")
                    .expect(200).json();
            assertThat(newUser.at("/smtp/passwordSet").asBoolean()).isFalse();
            JsonNode given = admin.put("/api/v1/settings", "{\"smtp\":{\"url\":\"smtps://third@mail.example.test:465\","
                    + "\"password\":\"again\"}}").expect(200).json();
            assertThat(given.at("/smtp/passwordSet").asBoolean()).as("a password given with the new host").isTrue();
        }
    }

    @Test
    void everythingUnderDataIsOwnerOnly() throws Exception {
        try (RunningServer server = RunningServer.start()) {
            server.technician("tina").post("/api/v1/codes", "{}").expect(201);
            server.admin().post("/api/v1/settings/test-email", "{\"to\":\"someone@example.test\"}").expect(200);
        }
        try (RunningServer server = RunningServer.start()) {
            server.admin().post("/api/v1/settings/test-email", "{\"to\":\"someone@example.test\"}").expect(200);
            assertThat(Files.exists(server.data().resolve("outbox"))).isTrue();
            try (var tree = Files.walk(server.data())) {
                tree.forEach(path -> {
                    try {
                        String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
                        assertThat(mode).as(path.toString()).isEqualTo(Files.isDirectory(path) ? "rwx------" : "rw-------");
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
            }
        }
    }
}
