package dev.tandem.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import dev.tandem.server.testing.Api;
import dev.tandem.server.testing.RunningServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Passkeys in Chromium with its virtual authenticator (CDP WebAuthn domain, a platform
 * authenticator with a PIN that always verifies): enrolled in My account, then signing in with the
 * passkey alone, and proving it is you with it before a dangerous administrator action.
 */
class PasskeyBrowserTest {
    static RunningServer server;
    static Chromium chromium;

    @BeforeAll
    static void start() {
        server = RunningServer.start();
        chromium = Chromium.launch();
    }

    @AfterAll
    static void stop() {
        chromium.close();
        server.close();
    }

    /** A virtual platform authenticator with resident keys and user verification, on this page. */
    static void addVirtualAuthenticator(BrowserContext context, Page page) {
        CDPSession cdp = context.newCDPSession(page);
        cdp.send("WebAuthn.enable");
        JsonObject options = new JsonObject();
        options.addProperty("protocol", "ctap2");
        options.addProperty("transport", "internal");
        options.addProperty("hasResidentKey", true);
        options.addProperty("hasUserVerification", true);
        options.addProperty("isUserVerified", true);
        options.addProperty("automaticPresenceSimulation", true);
        JsonObject args = new JsonObject();
        args.add("options", options);
        cdp.send("WebAuthn.addVirtualAuthenticator", args);
    }

    @Test
    void aPasskeyEnrolledInMyAccountSignsInWithoutThePassword() {
        server.technician("nuria");
        try (BrowserContext context = chromium.context("en-US")) {
            Page page = ConsoleSessionTest.signInAs(server, context, "nuria", RunningServer.password("nuria"));
            addVirtualAuthenticator(context, page);
            page.navigate(server.baseUrl() + "/#/account");
            page.locator("input[name=passkey-name]").fill("Work laptop");
            page.locator("[data-testid=passkey-add]").click();
            assertThat(page.locator("[data-testid=passkey-row]")).containsText("Work laptop");

            page.locator("[data-testid=sign-out]").click();
            assertThat(page.locator("[data-testid=sign-in-form]")).isVisible();
            page.locator("[data-testid=passkey-sign-in]").click();
            assertThat(page.locator("[data-testid=user]")).containsText("nuria");
            assertThat(page.locator("[data-testid=passkey-row]")).containsText("last used");

            // With a passkey, the password alone is no longer enough for a token.
            Api.Response token = server.api().post("/api/v1/auth/token", "{\"username\":\"nuria\",\"password\":\""
                    + RunningServer.password("nuria") + "\"}");
            assertThat(token.errorCode()).isEqualTo("otp_required");
            assertThat(token.errorMessage()).contains("passkey");
            assertThat(server.admin().get("/api/v1/audit?actor=nuria").body()).contains("auth.passkey-added")
                    .contains("auth.passkey-sign-in");
        }
    }

    @Test
    void anAdministratorProvesItIsThemWithAPasskeyBeforeResettingAnotherUsersSecondFactor() {
        Api admin = server.admin();
        Api olga = server.technician("olga");
        String secret = olga.post("/api/v1/auth/totp", "").json().get("secret").asText();
        olga.post("/api/v1/auth/totp/confirm", "{\"code\":\"" + dev.tandem.server.auth.Totp.code(secret,
                dev.tandem.server.auth.Totp.step(server.clock().instant())) + "\"}").expect(200);
        try (BrowserContext context = chromium.context("en-US")) {
            Page page = ConsoleSessionTest.signInAs(server, context, "admin", RunningServer.ADMIN_PASSWORD);
            addVirtualAuthenticator(context, page);
            page.navigate(server.baseUrl() + "/#/account");
            page.locator("[data-testid=passkey-add]").click();
            assertThat(page.locator("[data-testid=passkey-row]")).hasCount(1);

            server.clock().advance(Duration.ofMinutes(11));
            page.navigate(server.baseUrl() + "/#/admin/technicians");
            page.locator("[data-testid=user-row][data-username=olga] [data-testid=reset-second-factor]").click();
            page.locator("[data-testid=confirm-dialog] [data-testid=confirm]").click();
            // The sign-in is 11 minutes old: the console asks for a proof first, here the passkey.
            page.locator("[data-testid=reauth-dialog]").getByText("Use a passkey").click();
            assertThat(page.locator("[data-testid=user-row][data-username=olga] [data-testid=user-2fa]")).containsText("Off");
            assertThat(page.locator("[data-testid=reauth-dialog]")).hasCount(0);
            assertThat(admin.get("/api/v1/audit?action=admin.second-factor-reset").body()).contains("user olga");
            assertThat(admin.get("/api/v1/audit?action=auth.reauthenticated").body()).contains("a passkey");
        }
    }
}
