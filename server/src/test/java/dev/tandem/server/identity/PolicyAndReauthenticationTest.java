package dev.tandem.server.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.server.auth.Totp;
import dev.tandem.server.testing.Api;
import dev.tandem.server.testing.RunningServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The "require two-factor sign-in" setting (a user without one can only enrol), re-authentication
 * for the dangerous administrator actions, and an administrator's audited reset of a second factor.
 */
class PolicyAndReauthenticationTest {

    @Test
    void withTheSettingOnAUserWithoutASecondFactorCanOnlyEnrol() {
        try (RunningServer server = RunningServer.start()) {
            Api admin = server.admin();
            Api before = server.technician("vero");
            server.technician("wilma");
            assertThat(admin.get("/api/v1/settings").json().get("twoFactor").asText()).isEqualTo("nobody");
            admin.put("/api/v1/settings", "{\"twoFactor\":\"everyone\"}").expect(200);
            assertThat(admin.put("/api/v1/settings", "{\"twoFactor\":\"sometimes\"}").status()).isEqualTo(400);

            JsonNode signedIn = server.api().post("/api/v1/auth/token", "{\"username\":\"vero\",\"password\":\""
                    + RunningServer.password("vero") + "\"}").expect(200).json();
            assertThat(signedIn.get("enrolmentRequired").asBoolean()).isTrue();
            Api vero = server.api().withToken(signedIn.get("token").asText());
            Api.Response refused = vero.get("/api/v1/codes");
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.errorCode()).isEqualTo("enrolment_required");
            assertThat(vero.post("/api/v1/codes", "{}").errorCode()).isEqualTo("enrolment_required");
            assertThat(vero.get("/api/v1/auth/me").expect(200).json().get("enrolmentRequired").asBoolean()).isTrue();
            before.get("/api/v1/codes").expect(200); // a sign-in from before the setting keeps working until it ends

            String secret = vero.post("/api/v1/auth/totp", "").expect(200).json().get("secret").asText();
            vero.post("/api/v1/auth/totp/confirm", "{\"code\":\"" + Totp.code(secret, Totp.step(server.clock().instant()))
                    + "\"}").expect(200);
            vero.get("/api/v1/codes").expect(200);
            assertThat(vero.get("/api/v1/auth/me").json().get("enrolmentRequired").asBoolean()).isFalse();
            // With the setting on, the only second factor cannot be switched off.
            server.clock().advance(Duration.ofSeconds(Totp.STEP_SECONDS));
            Api.Response keep = vero.delete("/api/v1/auth/totp", "{\"code\":\"" + Totp.code(secret,
                    Totp.step(server.clock().instant())) + "\"}");
            assertThat(keep.status()).isEqualTo(409);
            assertThat(keep.errorCode()).isEqualTo("second_factor_required");

            // "administrators": technicians sign in as before, the administrator must enrol.
            admin.put("/api/v1/settings", "{\"twoFactor\":\"administrators\"}").expect(200);
            server.api().signIn("wilma", RunningServer.password("wilma")).get("/api/v1/codes").expect(200);
            assertThat(server.api().signIn("admin", RunningServer.ADMIN_PASSWORD).get("/api/v1/users").errorCode())
                    .isEqualTo("enrolment_required");
            JsonNode audit = admin.get("/api/v1/audit?action=admin.settings-updated").json();
            assertThat(audit.toString()).contains("twoFactor to everyone").contains("twoFactor to administrators");
        }
    }

    @Test
    void dangerousAdministratorActionsWantAFreshProofOfIdentity() {
        try (RunningServer server = RunningServer.start()) {
            Api admin = server.admin();
            Api xavi = server.technician("xavi");
            String secret = xavi.post("/api/v1/auth/totp", "").json().get("secret").asText();
            xavi.post("/api/v1/auth/totp/confirm", "{\"code\":\"" + Totp.code(secret, Totp.step(server.clock().instant()))
                    + "\"}").expect(200);
            // Fresh from sign-in: allowed.
            admin.put("/api/v1/users/xavi", "{\"displayName\":\"Xavi\"}").expect(200);
            server.clock().advance(Duration.ofMinutes(11));
            // Eleven minutes later: a display name is harmless, a role, a password, a second factor, SMTP or SSO are not.
            admin.put("/api/v1/users/xavi", "{\"displayName\":\"Xavier\"}").expect(200);
            for (Api.Response refused : new Api.Response[] {
                    admin.put("/api/v1/users/xavi", "{\"role\":\"admin\"}"),
                    admin.put("/api/v1/users/xavi", "{\"password\":\"granite-lantern-river\"}"),
                    admin.delete("/api/v1/users/xavi/second-factor"),
                    admin.put("/api/v1/settings", "{\"smtp\":{\"url\":\"smtp://mail.example.com:587\"}}"),
                    admin.put("/api/v1/settings", "{\"sso\":{\"issuer\":\"https://login.example.com\"}}")}) {
                assertThat(refused.status()).as(refused.body()).isEqualTo(403);
                assertThat(refused.errorCode()).isEqualTo("reauthentication_required");
            }
            assertThat(admin.put("/api/v1/users/xavi", "{\"role\":\"technician\"}").status())
                    .as("the same role is no change").isEqualTo(200);
            assertThat(admin.post("/api/v1/auth/reauth", "{\"password\":\"wrong-password-here\"}").errorCode())
                    .isEqualTo("wrong_password");
            admin.post("/api/v1/auth/reauth", "{\"password\":\"" + RunningServer.ADMIN_PASSWORD + "\"}").expect(204);

            admin.delete("/api/v1/users/xavi/second-factor").expect(204);
            assertThat(xavi.get("/api/v1/codes").status()).as("a reset signs the user out").isEqualTo(401);
            server.api().signIn("xavi", RunningServer.password("xavi")).get("/api/v1/codes").expect(200);
            JsonNode users = admin.get("/api/v1/users").json();
            for (JsonNode user : users) {
                if (user.get("username").asText().equals("xavi")) {
                    assertThat(user.at("/secondFactor/totp").asBoolean()).isFalse();
                }
            }
            assertThat(admin.get("/api/v1/audit?action=admin.second-factor-reset").body())
                    .contains("second factors of user xavi reset");
            assertThat(admin.get("/api/v1/audit?action=auth.reauthenticated").body()).contains("the password");
        }
    }

    @Test
    void aWeakAdministratorPasswordStopsTheServerBeforeAnythingIsWritten() throws Exception {
        java.nio.file.Path data = java.nio.file.Files.createTempDirectory("tandem-weak");
        dev.tandem.server.ServerConfig config = dev.tandem.server.ServerConfig.defaults(0, data).withAdminPassword("a");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> dev.tandem.server.TandemServer.start(config))
                .isInstanceOf(dev.tandem.server.TandemServer.StartupException.class)
                .hasMessageContaining("TANDEM_ADMIN_PASSWORD").hasMessageContaining("12 characters");
        try (var files = java.nio.file.Files.list(data)) {
            assertThat(files.count()).isZero();
        }
    }
}
