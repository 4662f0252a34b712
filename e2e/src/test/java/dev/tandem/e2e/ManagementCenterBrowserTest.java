package dev.tandem.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import dev.tandem.device.DeviceProfile;
import dev.tandem.e2e.screen.PhoneCustomer;
import dev.tandem.server.testing.Api;
import dev.tandem.server.testing.RunningServer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Management Center in Chromium against a real server: an administrator sets up a portal that
 * asks before screen sharing and a technician's session on it prompts the (virtual) phone; an
 * administrator disables a technician who is signed in elsewhere and that console is signed out at once.
 */
class ManagementCenterBrowserTest {
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

    /** Signs the administrator in and opens a section of the Management Center from the header. */
    private static Page openManagementCenter(BrowserContext context, String section) {
        Page page = ConsoleSessionTest.signInAs(server, context, "admin", RunningServer.ADMIN_PASSWORD);
        page.locator("[data-testid=view-admin]").click();
        assertThat(page.locator("[data-testid=management-center]")).isVisible();
        page.locator("[data-testid=mc-nav-" + section + "]").click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile("#/admin/" + section + "$"));
        return page;
    }

    @Test
    void aPortalCreatedInTheManagementCenterThatAsksBeforeScreenSharingMakesTheDevicePrompt() throws Exception {
        Api lucia = server.technician("lucia");
        try (BrowserContext adminContext = chromium.context("en-US");
             BrowserContext luciaContext = chromium.context("en-US")) {
            Page admin = openManagementCenter(adminContext, "portals");
            admin.locator("[data-testid=add-portal]").click();
            Locator dialog = admin.locator("[data-testid=portal-dialog]");
            dialog.locator("input[name=name]").fill("Printers");
            assertThat(dialog.locator("input[name=slug]")).hasValue("printers");
            // A wrong value is caught in the form, before the server is asked.
            dialog.locator("input[name=codeLifetimeMinutes]").fill("0");
            dialog.locator("[data-testid=save-portal]").click();
            assertThat(dialog.locator("[data-testid=field-error]")).containsText("1 to 1440");
            dialog.locator("input[name=codeLifetimeMinutes]").fill("30");
            dialog.locator("input[name=askBeforeScreenSharing]").check();
            dialog.locator("[data-testid=save-portal]").click();
            assertThat(dialog).hasCount(0);
            Locator row = admin.locator("[data-testid=portal-row][data-slug=printers]");
            assertThat(row).containsText("Asks before screen sharing");

            // The same slug again: the server's 409 sentence is shown in the form.
            admin.locator("[data-testid=add-portal]").click();
            dialog.locator("input[name=name]").fill("Printers");
            dialog.locator("[data-testid=save-portal]").click();
            assertThat(dialog.locator("[data-testid=form-error]")).containsText("printers");
            dialog.locator("button", new Locator.LocatorOptions().setHasText("Cancel")).click();

            // Reloading keeps the page (hash routing).
            admin.reload();
            assertThat(admin.locator("[data-testid=mc-portals] [data-testid=portal-row][data-slug=printers]")).isVisible();

            JsonNode portal = null;
            for (JsonNode p : lucia.get("/api/v1/portals").expect(200).json()) {
                if (p.get("slug").asText().equals("printers")) portal = p;
            }
            assertThat(portal).isNotNull();
            assertThat(portal.get("askBeforeScreenSharing").asBoolean()).isTrue();
            assertThat(portal.get("codeLifetimeMinutes").asInt()).isEqualTo(30);

            // The technician creates a code on that portal; a phone joins; View screen prompts the device.
            Page page = ConsoleSessionTest.signInAs(server, luciaContext, "lucia", RunningServer.password("lucia"));
            assertThat(page.locator("[data-testid=view-admin]")).hasCount(0);
            page.locator("select[name=portal]").selectOption(new SelectOption().setValue("printers"));
            String code = ConsoleSessionTest.createCode(page, "Printer customer");
            try (PhoneCustomer customer = PhoneCustomer.join(server.baseUrl(), code, DeviceProfile.SAMSUNG)) {
                String session = customer.session();
                page.locator("[data-testid=session-row][data-session=" + session + "]").click();
                Locator chat = page.locator("[data-testid=chat-window][data-session=" + session + "]");
                chat.locator("[data-testid=view-screen]").click();
                Locator viewer = page.locator("[data-testid=viewer][data-session=" + session + "]");
                assertThat(viewer.locator("[data-testid=screen-status]")).hasAttribute("data-status", "pending");
                customer.phone.answer(customer.nextPrompt("screen").id(), true);
                assertThat(viewer.locator("[data-testid=screen-status]")).hasAttribute("data-status", "sharing");
            }

            // The same request on the default portal is not asked.
            try (PhoneCustomer customer = PhoneCustomer.join(server.baseUrl(), lucia.createCode("Default portal"),
                    DeviceProfile.SAMSUNG)) {
                String session = customer.session();
                lucia.post("/api/v1/sessions/" + session + "/screen", "{\"control\":false}");
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (!lucia.get("/api/v1/sessions/" + session + "/screen").json().path("status").asText().equals("sharing")) {
                    assertThat(System.nanoTime()).as("sharing without a prompt").isLessThan(deadline);
                    Thread.sleep(50);
                }
                assertThat(customer.prompts.poll(200, TimeUnit.MILLISECONDS)).isNull();
            }
        }
    }

    @Test
    void aTechnicianDisabledInTheManagementCenterIsSignedOutAtOnce() throws Exception {
        Api pedro = server.technician("pedro");
        pedro.get("/api/v1/auth/me").expect(200);
        try (BrowserContext adminContext = chromium.context("es-ES");
             BrowserContext pedroContext = chromium.context("en-US")) {
            Page pedroPage = ConsoleSessionTest.signInAs(server, pedroContext, "pedro", RunningServer.password("pedro"));
            assertThat(pedroPage.locator("[data-testid=connection]")).hasAttribute("data-state", "online");
            // A technician who types the Management Center's address gets the console, nothing more.
            pedroPage.navigate(server.baseUrl() + "/#/admin/technicians");
            assertThat(pedroPage.locator("[data-testid=create-code]")).isVisible();
            assertThat(pedroPage.locator("[data-testid=management-center]")).hasCount(0);
            assertThat(pedroPage.locator("[data-testid=connection]")).hasAttribute("data-state", "online");

            // The administrator works in Spanish; bookmarked address, straight to Técnicos.
            Page admin = ConsoleSessionTest.signInAs(server, adminContext, "admin", RunningServer.ADMIN_PASSWORD);
            admin.navigate(server.baseUrl() + "/#/admin/technicians");
            Locator row = admin.locator("[data-testid=user-row][data-username=pedro]");
            assertThat(row).hasAttribute("data-enabled", "true");
            // The administrator cannot disable themselves.
            assertThat(admin.locator("[data-testid=user-row][data-username=admin] [data-testid=disable-user]")).isDisabled();

            row.locator("[data-testid=disable-user]").click();
            Locator confirm = admin.locator("[data-testid=confirm-dialog]");
            assertThat(confirm).containsText("¿Desactivar a pedro?");
            confirm.locator("[data-testid=confirm]").click();
            assertThat(row).hasAttribute("data-enabled", "false");

            // Pedro's console goes back to the sign-in form at once, and his token is refused.
            assertThat(pedroPage.locator("input[name=username]")).isVisible(
                    new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(5_000));
            assertThat(pedroPage.locator("[data-testid=create-code]")).hasCount(0);
            assertThat(pedro.get("/api/v1/auth/me").status()).isEqualTo(401);

            // Enabled again (after asking too), he can sign in.
            row.locator("[data-testid=enable-user]").click();
            confirm.locator("[data-testid=confirm]").click();
            assertThat(row).hasAttribute("data-enabled", "true");
            server.api().signIn("pedro", RunningServer.password("pedro")).get("/api/v1/auth/me").expect(200);
        }
    }
}
