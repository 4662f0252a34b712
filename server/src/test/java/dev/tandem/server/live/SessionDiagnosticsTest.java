package dev.tandem.server.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.protocol.message.AgentMessage;
import dev.tandem.server.records.LogFiles;
import dev.tandem.server.records.SessionAccess;
import dev.tandem.server.store.SessionStore;
import dev.tandem.server.view.DiagnosticsView;
import dev.tandem.server.view.LogsView;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Diagnostics and log files plugged into the session core alone, on a real database and file
 * vault, with the phone and the console as recording outlets.
 */
class SessionDiagnosticsTest {
    @TempDir
    Path data;
    private OneSession one;
    private SessionDiagnostics diagnostics;

    private void open(boolean portalAsks) throws Exception {
        one = new OneSession(data);
        LogFiles files = new LogFiles(one.diagnosticsStore, one.vault,
                new SessionAccess(new SessionStore(one.database)));
        diagnostics = new SessionDiagnostics(one.sessions, one.portals, one.diagnosticsStore, one.vault, files,
                one.events, java.time.Clock.systemUTC(), one.audit);
        one.open(diagnostics, portalAsks);
    }

    @AfterEach
    void close() {
        one.close();
    }

    @Test
    void onAPortalThatDoesNotAskThePhoneIsToldAndItsMissingReportIsShownAsFailed() throws Exception {
        open(false);
        diagnostics.requestDiagnostics(one.technician, one.id);
        JsonNode prompt = one.phone.last("prompt");
        assertThat(prompt.path("kind").asText()).isEqualTo("diagnostics");
        assertThat(prompt.path("ask").asBoolean()).isFalse();

        one.phoneSays(new AgentMessage.Answer(prompt.path("id").asText(), true));
        one.phoneSays(new AgentMessage.Diagnostics(prompt.path("id").asText(), null, "Usage access is off."));

        DiagnosticsView view = diagnostics.diagnostics(one.technician, one.id);
        assertThat(view.status()).isEqualTo("failed");
        assertThat(view.error()).isEqualTo("Usage access is off.");
        assertThat(one.console.last("diagnostics").path("diagnostics").path("status").asText()).isEqualTo("failed");
    }

    @Test
    void anAllowedLogFileIsCheckedStoredAndListedWithItsDigest() throws Exception {
        open(true);
        diagnostics.requestLogs(one.technician, one.id);
        String promptId = one.phone.last("prompt").path("id").asText();
        one.phoneSays(new AgentMessage.Answer(promptId, true));
        byte[] content = "E/printer: paper jam\n".getBytes(StandardCharsets.UTF_8);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        CRC32 crc = new CRC32();
        crc.update(content);

        one.phoneSays(new AgentMessage.LogFile(promptId, "u1", "app.log", content.length, sha256));
        one.phoneSays(new AgentMessage.LogChunk("u1", 0, Base64.getEncoder().encodeToString(content), crc.getValue()));
        one.phoneSays(new AgentMessage.LogEnd("u1"));
        one.phoneSays(new AgentMessage.LogsDone(promptId, 1));

        assertThat(one.phone.of("logStored")).extracting(f -> f.path("upload").asText()).containsExactly("u1");
        LogsView view = diagnostics.logs(one.technician, one.id);
        assertThat(view.status()).isEqualTo("ready");
        assertThat(view.files()).singleElement().satisfies(f -> {
                    assertThat(f.name()).isEqualTo("app.log");
                    assertThat(f.sha256()).isEqualTo(sha256);
                });
    }

    @Test
    void anUploadNobodyAskedForIsRefusedAndCostsOnlyThatUpload() throws Exception {
        open(true);
        one.phoneSays(new AgentMessage.LogFile("p_nobody", "u9", "secret.log", 3, "00"));

        assertThat(one.phone.last("logRefused").path("upload").asText()).isEqualTo("u9");
        assertThat(one.phone.closeCode()).isNull();
        assertThat(diagnostics.logs(one.technician, one.id).status()).isEqualTo("none");
    }
}
