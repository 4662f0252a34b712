package dev.tandem.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.tandem.server.files.TechnicianFiles;
import dev.tandem.server.testing.Api;
import dev.tandem.server.testing.RunningServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files both ways in Chromium against a real server and the real {@code ./tandem device}
 * (docs/files.md): the technician sends a file from the Chat window's Files section, the customer
 * accepts and the phone's Downloads hold the same bytes; the technician asks for a file, the customer
 * sends one, and the console's Download gives back the same bytes. In Spanish, the section reads so.
 */
class FilesBrowserTest {
    static RunningServer server;
    static Chromium chromium;
    static Api rosa;

    @BeforeAll
    static void start() {
        server = RunningServer.start();
        rosa = server.technician("rosa");
        chromium = Chromium.launch();
    }

    @AfterAll
    static void stop() {
        chromium.close();
        server.close();
    }

    @Test
    void aFileGoesToThePhoneAndOneComesBackByteForByte(@TempDir Path temp) throws Exception {
        byte[] manual = TechnicianFiles.randomBytes(700_000, 21);
        Path toSend = temp.resolve("manual.pdf");
        Files.write(toSend, manual);
        byte[] photo = TechnicianFiles.randomBytes(300_000, 22);
        Path picked = temp.resolve("photo.jpg");
        Files.write(picked, photo);
        Path downloads = temp.resolve("Downloads");
        try (BrowserContext context = chromium.context("en-US");
             DeviceProcess phone = DeviceProcess.start("--server", server.baseUrl(), "--code", rosa.createCode("Files"),
                     "--name", "Ana", "--language", "en", "--downloads", downloads.toString())) {
            Page page = ConsoleSessionTest.signInAs(server, context, "rosa", RunningServer.password("rosa"));
            String session = phone.next("joined").get("session").asText();
            Locator chat = ConsoleSessionTest.openChat(page, session);
            chat.locator("[data-testid=files-toggle]").click();
            assertThat(chat.locator("[data-testid=files-empty]")).isVisible();

            // To the phone: chosen in the console, accepted on the phone, saved whole.
            chat.locator("[data-testid=file-input]").setInputFiles(toSend);
            String offered = phone.next("fileOffered").get("id").asText();
            Locator sent = chat.locator("[data-testid=file][data-file=" + offered + "]");
            assertThat(sent).hasAttribute("data-status", "offered");
            assertThat(sent).containsText("manual.pdf");
            phone.type("/accept-file " + offered);
            Path saved = Path.of(phone.next("fileSaved").get("path").asText());
            assertThat(Files.readAllBytes(saved)).isEqualTo(manual);
            assertThat(sent).hasAttribute("data-status", "saved");
            assertThat(sent).containsText("saved on the phone");
            assertThat(chat.locator("[data-testid=transcript]"))
                    .containsText("The file manual.pdf is saved in the Downloads of Ana's phone.");

            // From the phone: asked in the console, sent from the phone, downloaded from the console.
            chat.locator("[data-testid=file-ask]").click();
            String asked = phone.next("fileRequested").get("id").asText();
            phone.type("/send-file " + asked + " " + picked);
            phone.next("fileSent");
            Locator received = chat.locator("[data-testid=file][data-file=" + asked + "]");
            assertThat(received).hasAttribute("data-status", "received");
            Download download = page.waitForDownload(() -> received.locator("[data-testid=file-download]").click());
            assertThat(download.suggestedFilename()).isEqualTo("photo.jpg");
            assertThat(Files.readAllBytes(download.path())).isEqualTo(photo);
            assertThat(chat.locator("[data-testid=transcript]")).containsText("File from Ana: photo.jpg (293 KB).");
        }

        // The same session's files in Spanish.
        try (BrowserContext spanish = chromium.context("es-ES")) {
            Page page = ConsoleSessionTest.signInAs(server, spanish, "rosa", RunningServer.password("rosa"));
            String session = rosa.get("/api/v1/sessions").json().get(0).get("id").asText();
            Locator chat = ConsoleSessionTest.openChat(page, session);
            assertThat(chat.locator("[data-testid=files-toggle]")).containsText("Archivos (2)");
            assertThat(chat.locator("[data-testid=transcript]")).containsText("Archivo de Ana: photo.jpg (293 KB).");
            assertThat(chat.locator("[data-testid=file][data-status=received]")).containsText("recibido");
        }
    }
}
