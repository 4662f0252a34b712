package dev.tandem.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.tandem.server.auth.Totp;
import dev.tandem.server.testing.Api;
import dev.tandem.server.testing.RunningServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two-factor sign-in in Chromium: a technician turns on the authenticator app from My account
 * with the secret under the QR code, and the next sign-in asks for a code; with the setting "everyone"
 * a Spanish-speaking technician is sent to enrolment and can do nothing else until it is done.
 */
class TwoFactorBrowserTest {
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

    /** The code an authenticator app would show now (the server's clock). */
    private static String code(String secret) {
        return Totp.code(secret, Totp.step(server.clock().instant()));
    }

    /** Fills in the code shown under the QR code into the "app" and confirms; answers the secret. */
    private static String enrolInBrowser(Page page) {
        page.locator("[data-testid=totp-begin]").click();
        assertThat(page.locator("[data-testid=totp-qr]")).isVisible();
        String secret = page.locator("[data-testid=totp-secret]").textContent().replace(" ", "");
        assertThat(secret).matches("[A-Z2-7]{32}");
        page.locator("input[name=totp-code]").fill("000000");
        page.locator("[data-testid=totp-confirm]").click();
        assertThat(page.locator("[data-testid=totp-error]")).isVisible();
        page.locator("input[name=totp-code]").fill(code(secret));
        page.locator("[data-testid=totp-confirm]").click();
        assertThat(page.locator("[data-testid=recovery-code]")).hasCount(10);
        return secret;
    }

    @Test
    void aTechnicianTurnsOnTheAuthenticatorAppAndTheNextSignInAsksForACode() {
        server.technician("lucia");
        try (BrowserContext context = chromium.context("en-US")) {
            Page page = ConsoleSessionTest.signInAs(server, context, "lucia", RunningServer.password("lucia"));
            page.locator("[data-testid=user]").click();
            assertThat(page.locator("[data-testid=account-page]")).isVisible();
            assertThat(page.locator("[data-testid=totp-status]")).hasAttribute("data-on", "false");
            String secret = enrolInBrowser(page);
            String recovery = page.locator("[data-testid=recovery-code]").first().textContent();
            page.locator("[data-testid=recovery-saved]").click();
            assertThat(page.locator("[data-testid=totp-status]")).hasAttribute("data-on", "true");

            page.locator("[data-testid=sign-out]").click();
            page.locator("input[name=username]").fill("lucia");
            page.locator("input[name=password]").fill(RunningServer.password("lucia"));
            page.locator("button[type=submit]").click();
            Locator otp = page.locator("input[name=otp]");
            assertThat(otp).isVisible();
            assertThat(page.locator("[data-testid=otp-hint]")).containsText("authenticator app");
            // The code that confirmed the app is spent: the next one is needed.
            otp.fill(code(secret));
            page.locator("button[type=submit]").click();
            assertThat(page.locator("[data-testid=error]")).containsText("wrong or was already used");
            server.clock().advance(Duration.ofSeconds(Totp.STEP_SECONDS));
            otp.fill(code(secret));
            page.locator("button[type=submit]").click();
            assertThat(page.locator("[data-testid=account-page]")).isVisible(); // back where the sign-out left off

            // A recovery code works once in place of the app.
            page.locator("[data-testid=sign-out]").click();
            page.locator("input[name=username]").fill("lucia");
            page.locator("input[name=password]").fill(RunningServer.password("lucia"));
            page.locator("button[type=submit]").click();
            page.locator("input[name=otp]").fill(recovery);
            page.locator("button[type=submit]").click();
            assertThat(page.locator("[data-testid=account-page]")).containsText("9 unused recovery codes left");
        }
    }

    @Test
    void withTwoFactorRequiredASpanishTechnicianIsSentToEnrolmentFirst() {
        Api admin = server.admin();
        server.technician("marco");
        admin.put("/api/v1/settings", "{\"twoFactor\":\"everyone\"}").expect(200);
        try (BrowserContext context = chromium.context("es-ES")) {
            Page page = context.newPage();
            page.navigate(server.baseUrl() + "/");
            page.locator("input[name=username]").fill("marco");
            page.locator("input[name=password]").fill(RunningServer.password("marco"));
            page.locator("button[type=submit]").click();
            Locator enrolment = page.locator("[data-testid=enrolment]");
            assertThat(enrolment).containsText("Configure la verificación en dos pasos");
            assertThat(enrolment).containsText("Llaves de acceso");
            assertThat(page.locator("[data-testid=create-code]")).hasCount(0);
            // Typing the console's address changes nothing: the server refuses everything but enrolment.
            page.navigate(server.baseUrl() + "/#/");
            assertThat(page.locator("[data-testid=enrolment]")).isVisible();
            page.locator("[data-testid=totp-begin]").click();
            assertThat(page.locator("[data-testid=totp-setup]")).containsText("Escanee el código QR");
            String secret = page.locator("[data-testid=totp-secret]").textContent().replace(" ", "");
            page.locator("input[name=totp-code]").fill(code(secret));
            page.locator("[data-testid=totp-confirm]").click();
            assertThat(page.locator("[data-testid=recovery-codes]")).containsText("códigos de recuperación");
            page.locator("[data-testid=recovery-saved]").click();
            assertThat(page.locator("[data-testid=create-code]")).isVisible();
        } finally {
            admin.put("/api/v1/settings", "{\"twoFactor\":\"nobody\"}").expect(200);
        }
    }
}
