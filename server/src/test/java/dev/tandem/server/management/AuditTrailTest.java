package dev.tandem.server.management;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.tandem.server.ServerConfig;
import dev.tandem.server.testing.Api;
import dev.tandem.server.testing.RawDevice;
import dev.tandem.server.testing.RunningServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The audit log through {@code GET /api/v1/audit}: what a support session leaves in it, and who may read it. */
class AuditTrailTest {
    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("tandem", "secret"));

    private static List<String> actions(JsonNode entries) {
        List<String> actions = new ArrayList<>();
        entries.forEach(e -> actions.add(e.get("action").asText()));
        return actions;
    }

    private static JsonNode awaitAudit(Api admin, String query, String action) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            JsonNode entries = admin.get("/api/v1/audit" + query).expect(200).json();
            if (actions(entries).contains(action)) {
                return entries;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No " + action + " in the audit log: " + admin.get("/api/v1/audit" + query).body());
    }

    @Test
    void aSupportSessionIsAuditedFromSignInToEnd() throws Exception {
        try (RunningServer server = RunningServer.start(c -> c.withSmtp(ServerConfig.SmtpSettings.parse(
                "smtp://tandem:secret@127.0.0.1:" + smtp.getSmtp().getPort() + "?insecure=true")))) {
            Api admin = server.admin();
            Api tech = server.technician("bob");
            assertThat(server.api().post("/api/v1/auth/token", "{\"username\":\"bob\",\"password\":\"not-his-password\"}")
                    .status()).isEqualTo(401);
            String cancelled = tech.createCode("first");
            tech.delete("/api/v1/codes/" + cancelled).expect(204);
            String code = tech.createCode("Ana's phone");
            tech.post("/api/v1/codes/" + code + "/email", "{\"to\":\"ana@example.com\"}").expect(202);
            assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
            String session;
            try (RawDevice device = RawDevice.connect(server)) {
                session = device.join(code, "Ana").get("session").asText();
                tech.post("/api/v1/sessions/" + session + "/diagnostics", "").expect(202);
                JsonNode diagnostics = device.next("prompt");
                assertThat(diagnostics.get("kind").asText()).isEqualTo("diagnostics");
                device.send("{\"type\":\"answer\",\"id\":\"" + diagnostics.get("id").asText() + "\",\"granted\":true}");
                tech.post("/api/v1/sessions/" + session + "/screen", "{\"control\":true}").expect(202);
                JsonNode screen = device.next(f -> "prompt".equals(f.path("type").asText())
                        && "screen".equals(f.path("kind").asText()), "screen prompt");
                JsonNode control = device.next(f -> "prompt".equals(f.path("type").asText())
                        && "control".equals(f.path("kind").asText()), "control prompt");
                device.send("{\"type\":\"answer\",\"id\":\"" + screen.get("id").asText() + "\",\"granted\":true}");
                device.send("{\"type\":\"answer\",\"id\":\"" + control.get("id").asText() + "\",\"granted\":true}");
                awaitAudit(admin, "?session=" + session, "control.started");
                tech.post("/api/v1/sessions/" + session + "/screen", "{\"control\":false}").expect(202);
                tech.delete("/api/v1/sessions/" + session + "/screen").expect(200);
                tech.post("/api/v1/sessions/" + session + "/end", "").expect(200);
            }
            JsonNode all = awaitAudit(admin, "", "session.ended");
            awaitAudit(admin, "", "email.sent");
            all = admin.get("/api/v1/audit").expect(200).json();
            assertThat(actions(all)).contains("auth.sign-in-failed", "auth.sign-in", "admin.user-created",
                    "code.created", "code.cancelled", "code.emailed", "email.sent", "session.joined",
                    "diagnostics.requested", "permission.asked", "permission.granted", "control.started",
                    "control.released", "permission.stopped", "session.ended");
            JsonNode failed = find(all, "auth.sign-in-failed");
            assertThat(failed.get("actor").asText()).startsWith("anonymous@");
            assertThat(failed.get("detail").asText()).contains("'bob'").doesNotContain("not-his-password");
            JsonNode joined = find(all, "session.joined");
            assertThat(joined.get("actor").asText()).isEqualTo("customer:Ana");
            assertThat(joined.get("session").asText()).isEqualTo(session);
            assertThat(joined.get("detail").asText()).contains(code).contains("SM-S918B");
            assertThat(find(all, "code.cancelled").get("detail").asText()).contains(cancelled);
            assertThat(find(all, "code.emailed").get("detail").asText()).contains("ana@example.com");
            assertThat(find(all, "control.started").get("actor").asText()).isEqualTo("customer:Ana");
            assertThat(find(all, "session.ended").get("actor").asText()).isEqualTo("bob");
            assertThat(find(all, "auth.sign-in").get("session").isNull()).isTrue();
            // Oldest first, ids rising.
            for (int i = 1; i < all.size(); i++) {
                assertThat(all.get(i).get("id").asLong()).isGreaterThan(all.get(i - 1).get("id").asLong());
            }
            // No secret ever reaches the log.
            assertThat(all.toString()).doesNotContain(RunningServer.ADMIN_PASSWORD).doesNotContain(RunningServer.password("bob"))
                    .doesNotContain(tech.token()).doesNotContain("secret");

            JsonNode permissions = admin.get("/api/v1/audit?action=permission&session=" + session).expect(200).json();
            assertThat(actions(permissions)).isNotEmpty().allMatch(a -> a.startsWith("permission."));
            assertThat(permissions.findValuesAsText("detail")).anyMatch(d -> d.startsWith("screen:"))
                    .anyMatch(d -> d.startsWith("diagnostics:")).anyMatch(d -> d.startsWith("control:"));
            JsonNode bobs = admin.get("/api/v1/audit?actor=bob").expect(200).json();
            assertThat(bobs.findValuesAsText("actor")).isNotEmpty().allMatch("bob"::equals);
            JsonNode firstTwo = admin.get("/api/v1/audit?limit=2").expect(200).json();
            assertThat(firstTwo).hasSize(2);
            JsonNode next = admin.get("/api/v1/audit?limit=2&after=" + firstTwo.get(1).get("id").asLong()).expect(200).json();
            assertThat(next.get(0).get("id").asLong()).isEqualTo(all.get(2).get("id").asLong());
            assertThat(admin.get("/api/v1/audit?from=2000-01-01&to=2000-01-02").expect(200).json()).isEmpty();
            assertThat(admin.get("/api/v1/audit?from=yesterday").status()).isEqualTo(400);
            assertThat(admin.get("/api/v1/audit?limit=0").status()).isEqualTo(400);
            assertThat(admin.get("/api/v1/audit?after=x").status()).isEqualTo(400);

            JsonNode history = tech.get("/api/v1/sessions/" + session + "/history").expect(200).json();
            List<String> events = new ArrayList<>();
            history.get("permissions").forEach(p -> events.add(p.get("kind").asText() + " " + p.get("event").asText()));
            // The phone answers asynchronously: each kind keeps its own order.
            assertThat(events).containsSubsequence("diagnostics asked", "diagnostics granted");
            assertThat(events).containsSubsequence("screen asked", "screen granted", "screen stopped");
            assertThat(events).containsSubsequence("control asked", "control granted", "control released");
        }
    }

    @Test
    void theAuditLogIsReadOnlyAndForAdministratorsOnly() {
        try (RunningServer server = RunningServer.start()) {
            Api admin = server.admin();
            Api tech = server.technician("carl");
            long id = admin.get("/api/v1/audit").expect(200).json().get(0).get("id").asLong();
            assertThat(tech.get("/api/v1/audit").status()).isEqualTo(403);
            assertThat(tech.get("/api/v1/audit").errorCode()).isEqualTo("admin_only");
            assertThat(server.api().get("/api/v1/audit").status()).isEqualTo(401);
            assertThat(admin.delete("/api/v1/audit").status()).isIn(404, 405);
            assertThat(admin.delete("/api/v1/audit/" + id).status()).isIn(404, 405);
            assertThat(admin.put("/api/v1/audit/" + id, "{\"detail\":\"nothing happened\"}").status()).isIn(404, 405);
            assertThat(admin.post("/api/v1/audit", "{\"action\":\"auth.sign-in\"}").status()).isIn(404, 405);
            assertThat(admin.get("/api/v1/audit").expect(200).json().get(0).get("id").asLong()).isEqualTo(id);
        }
    }

    private static JsonNode find(JsonNode entries, String action) {
        for (JsonNode entry : entries) {
            if (entry.get("action").asText().equals(action)) {
                return entry;
            }
        }
        throw new AssertionError("No " + action + " in " + entries);
    }
}
