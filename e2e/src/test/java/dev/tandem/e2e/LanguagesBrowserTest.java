package dev.tandem.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.tandem.device.DeviceProfile;
import dev.tandem.e2e.screen.PhoneCustomer;
import dev.tandem.server.testing.Api;
import dev.tandem.server.testing.RunningServer;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every reader in their own language, whatever the portal's: the Spanish console walked through
 * (console, Chat, Viewer, Remote Diagnostics, Log files, dialogs, Management Center) with an English
 * portal and an English phone shows no sentence of the English catalogue; the English console with a
 * Spanish portal and phone shows no Spanish one; the customer's pages follow the browser unless the
 * portal fixes a language, and the browser chat words its system lines in the language shown.
 */
class LanguagesBrowserTest {
    static RunningServer server;
    static Chromium chromium;
    static Api lucia;

    @BeforeAll
    static void start() {
        server = RunningServer.start();
        server.admin().post("/api/v1/users", "{\"username\":\"lucia\",\"password\":\"" + RunningServer.password("lucia") + "\","
                + "\"displayName\":\"Lucía Gómez\",\"role\":\"admin\"}").expect(201);
        lucia = server.api().signIn("lucia", RunningServer.password("lucia"));
        // Names are the team's data, in whatever language: the walks check the console's own words, so
        // the seeded administrator ("Administrator") gets a name that is no English word.
        server.admin().put("/api/v1/users/admin", "{\"displayName\":\"Carmen Ruiz\"}").expect(200);
        server.admin().post("/api/v1/users", "{\"username\":\"oscar\",\"password\":\"" + RunningServer.password("oscar") + "\","
                + "\"displayName\":\"Oscar Wilde\",\"role\":\"admin\"}").expect(201);
        server.admin().post("/api/v1/portals", "{\"slug\":\"english\",\"name\":\"English portal\",\"language\":\"en\"}")
                .expect(201);
        server.admin().post("/api/v1/portals", "{\"slug\":\"espanol\",\"name\":\"Portal español\",\"language\":\"es\"}")
                .expect(201);
        chromium = Chromium.launch();
    }

    @AfterAll
    static void stop() {
        chromium.close();
        server.close();
    }

    private static String code(String portal, String identifier) {
        return lucia.post("/api/v1/codes", "{\"identifier\":" + Api.quote(identifier) + ",\"portal\":\"" + portal + "\"}")
                .expect(201).json().get("code").asText();
    }

    private static void waitFor(String what, Predicate<JsonNode> done, String path) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!done.test(lucia.get(path).expect(200).json())) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    @Test
    void theSpanishConsoleShowsNoEnglishWithAnEnglishPortalAndPhone() throws Exception {
        CatalogueLeaks english = CatalogueLeaks.onPagesIn("es");
        lucia.post("/api/v1/portals/english/requests", "{\"name\":\"Marisa\",\"description\":\"La tableta no carga\"}")
                .expect(201);
        try (BrowserContext context = chromium.context("es-ES", 1440, 900);
             PhoneCustomer ana = PhoneCustomer.join(server.baseUrl(), code("english", "Impresora"), DeviceProfile.SAMSUNG,
                     "en", "Ana");
             PhoneCustomer luis = PhoneCustomer.join(server.baseUrl(), code("english", "Tableta"), DeviceProfile.GENERIC,
                     "en", "Luis")) {
            Page page = context.newPage();
            page.navigate(server.baseUrl() + "/");
            assertThat(page.locator("button[type=submit]")).isVisible();
            english.assertNoneOn(page, "inicio de sesión");
            page.locator("input[name=username]").fill("lucia");
            page.locator("input[name=password]").fill(RunningServer.password("lucia"));
            page.locator("button[type=submit]").click();
            assertThat(page.locator("[data-testid=create-code]")).isVisible();
            assertThat(page.locator("[data-testid=request-row]")).hasCount(1);
            english.assertNoneOn(page, "consola");

            page.locator("input[name=identifier]").fill("Router de la oficina");
            page.locator("[data-testid=create-code]").click();
            assertThat(page.locator("[data-testid=code-row]").filter(new Locator.FilterOptions().setHasText("Router"))).isVisible();
            english.assertNoneOn(page, "código nuevo");

            // Ana's session: chat, screen and control, diagnostics, log files and their email.
            String session = ana.session();
            page.locator("[data-testid=session-row][data-session=" + session + "]").click();
            Locator chat = page.locator("[data-testid=chat-window][data-session=" + session + "]");
            assertThat(chat.locator("[data-testid=transcript]")).containsText("Ana se ha unido a la sesión");
            chat.locator("[data-testid=view-screen]").click();
            Locator viewer = page.locator("[data-testid=viewer][data-session=" + session + "]");
            assertThat(viewer.locator("[data-testid=screen-status]")).hasAttribute("data-status", "sharing");
            viewer.locator("[data-testid=toggle-control]").click();
            ana.phone.answer(ana.nextPrompt("control").id(), true);
            assertThat(viewer).hasAttribute("data-control", "granted");
            chat.locator("[data-testid=diagnostics]").click();
            ana.phone.answer(ana.nextPrompt("diagnostics").id(), true);
            Locator diagnostics = page.locator("[data-testid=diagnostics-window][data-session=" + session + "]");
            assertThat(diagnostics.locator("[data-testid=diagnostics-status]")).hasAttribute("data-status", "ready");
            chat.locator("[data-testid=send-logfiles]").click();
            ana.phone.answer(ana.nextPrompt("logs").id(), true);
            Locator logs = page.locator("[data-testid=logs-window][data-session=" + session + "]");
            assertThat(logs.locator("[data-testid=logs-arrived]")).isVisible();
            english.assertNoneOn(page, "chat, visor, diagnóstico y registros");

            logs.locator("[data-testid=compose-logs-email]").click();
            Locator compose = page.locator("[data-testid=compose-email]");
            assertThat(compose).isVisible();
            english.assertNoneOn(page, "correo de los registros");
            compose.locator("input[name=to]").fill("soporte@example.com");
            // The subject is the mail's own text (data), seen later in an administrator's Outbox.
            compose.locator("input[name=subject]").fill("Ticket 4711");
            compose.locator("[data-testid=send-logs-email]").click();
            assertThat(compose).hasCount(0);
            assertThat(chat.locator("[data-testid=transcript]")).containsText("soporte@example.com");
            english.assertNoneOn(page, "correo enviado");

            page.keyboard().press("Alt+Shift+E");
            assertThat(page.locator("[data-testid=end-dialog]")).isVisible();
            english.assertNoneOn(page, "finalizar sesión");
            page.keyboard().press("Escape");
            page.locator("body").press("?");
            assertThat(page.locator("[data-testid=shortcuts]")).isVisible();
            english.assertNoneOn(page, "atajos");
            page.keyboard().press("Escape");

            // Luis's phone is chat-only: its reason, once, in Spanish.
            page.locator("[data-testid=session-row][data-session=" + luis.session() + "]").click();
            Locator luisChat = page.locator("[data-testid=chat-window][data-session=" + luis.session() + "]");
            assertThat(luisChat.locator("[data-testid=capabilities]")).containsText("solo de chat");
            english.assertNoneOn(page, "teléfono solo de chat");

            page.locator("[data-testid=collapse-side]").click();
            assertThat(page.locator("[data-testid=side-rail]")).isVisible();
            english.assertNoneOn(page, "columna plegada");
            page.locator("[data-testid=expand-side]").click();

            page.locator("[data-testid=chat-tab][data-session=" + session + "]").click();
            chat.locator("[data-testid=end-session]").click();
            page.locator("[data-testid=confirm-end]").click();
            assertThat(chat.locator("[data-testid=ended-by]")).hasText("La finalizó usted.");
            page.locator("[data-testid=sessions-ended]").click();
            english.assertNoneOn(page, "sesión finalizada");

            for (String section : new String[] {"technicians", "portals", "settings", "history", "audit"}) {
                page.navigate(server.baseUrl() + "/#/admin/" + section);
                assertThat(page.locator("[data-testid=management-center]")).isVisible();
                assertThat(page.locator("[aria-busy=true]")).hasCount(0);
                page.waitForTimeout(300);
                english.assertNoneOn(page, "Centro de gestión: " + section);
            }
            // My account (issue 14), with a token just created and listed.
            page.locator("[data-testid=user]").click();
            assertThat(page.locator("[data-testid=account-page]")).isVisible();
            page.locator("input[name=token-name]").fill("Copias nocturnas");
            page.locator("[data-testid=create-token]").click();
            assertThat(page.locator("[data-testid=new-token]")).isVisible();
            assertThat(page.locator("[data-testid=sign-in-row]").first()).isVisible();
            english.assertNoneOn(page, "mi cuenta");
            page.navigate(server.baseUrl() + "/#/admin/portals");
            page.locator("[data-testid=portal-row][data-slug=english] [data-testid=edit-portal]").click();
            assertThat(page.locator("[data-testid=portal-dialog]")).isVisible();
            english.assertNoneOn(page, "editar portal");
            page.keyboard().press("Escape");
            page.navigate(server.baseUrl() + "/#/admin/history/" + session);
            assertThat(page.locator("[data-testid=history-transcript]")).containsText("se ha unido");
            english.assertNoneOn(page, "historial de una sesión");
        }
    }

    @Test
    void theEnglishConsoleShowsNoSpanishWithASpanishPortalAndPhone() throws Exception {
        CatalogueLeaks spanish = CatalogueLeaks.onPagesIn("en");
        try (BrowserContext context = chromium.context("en-US", 1280, 720);
             PhoneCustomer pilar = PhoneCustomer.join(server.baseUrl(), code("espanol", "Móvil"), DeviceProfile.LG, "es",
                     "Pilar")) {
            String session = pilar.session();
            lucia.post("/api/v1/sessions/" + session + "/diagnostics", "").expect(202);
            pilar.phone.answer(pilar.nextPrompt("diagnostics").id(), true);
            waitFor("the report", v -> v.path("status").asText().equals("ready"), "/api/v1/sessions/" + session + "/diagnostics");
            // Another administrator: Lucía's outbox holds the Spanish mail of the other walk (her data).
            Page page = ConsoleSessionTest.signInAs(server, context, "oscar", RunningServer.password("oscar"));
            page.locator("[data-testid=session-row][data-session=" + session + "]").click();
            Locator chat = page.locator("[data-testid=chat-window][data-session=" + session + "]");
            assertThat(chat.locator("[data-testid=transcript]")).containsText("Pilar joined the session");
            chat.locator("[data-testid=diagnostics]").click();
            assertThat(page.locator("[data-testid=diagnostics-status]")).hasAttribute("data-status", "ready");
            spanish.assertNoneOn(page, "console with a Spanish session");

            chat.locator("[data-testid=end-session]").click();
            page.locator("[data-testid=confirm-end]").click();
            assertThat(chat.locator("[data-testid=ended-by]")).hasText("You ended it.");
            assertThat(chat.locator("[data-testid=transcript]")).containsText("Oscar Wilde ended the session.");
            page.navigate(server.baseUrl() + "/#/admin/history/" + session);
            assertThat(page.locator("[data-testid=history-transcript]")).containsText("joined the session");
            spanish.assertNoneOn(page, "session record");
            page.navigate(server.baseUrl() + "/#/admin/audit");
            assertThat(page.locator("[data-testid=audit-row]").first()).isVisible();
            spanish.assertNoneOn(page, "audit log");
        }
    }

    @Test
    void customerPagesFollowTheBrowserUnlessThePortalFixesALanguage() {
        String auto = code("default", "Auto");
        try (BrowserContext spanishBrowser = chromium.context("es-ES", 390, 844);
             BrowserContext englishBrowser = chromium.context("en-US", 390, 844)) {
            Page es = spanishBrowser.newPage();
            es.navigate(server.baseUrl() + "/join/" + auto);
            assertThat(es.locator("html")).hasAttribute("lang", "es");
            CatalogueLeaks.onPagesIn("es").assertNoneOn(es, "join page of a portal that follows the browser");
            Page en = englishBrowser.newPage();
            en.navigate(server.baseUrl() + "/join/" + auto);
            assertThat(en.locator("html")).hasAttribute("lang", "en");
            CatalogueLeaks.onPagesIn("en").assertNoneOn(en, "join page of a portal that follows the browser");

            // A portal that fixes English: English for the Spanish browser too.
            es.navigate(server.baseUrl() + "/join/" + code("english", "Fixed"));
            assertThat(es.locator("html")).hasAttribute("lang", "en");
            CatalogueLeaks.onPagesIn("en").assertNoneOn(es, "join page of an English portal");
            es.navigate(server.baseUrl() + "/portal/default");
            assertThat(es.locator("[data-testid=portal-title]")).hasText("Hable con nuestro equipo de asistencia");

            // The browser chat words its system lines in the language shown, and again after a switch.
            es.navigate(server.baseUrl() + "/join/" + auto);
            es.locator("[data-testid=chat-in-browser] input[name=customerName]").fill("Rosa");
            es.locator("[data-testid=join-browser]").click();
            Locator line = es.locator("[data-testid=message][data-sender=system]").first();
            assertThat(line).containsText("Rosa se ha unido a la sesión desde un navegador web");
            es.locator("[data-testid=lang-switch]").selectOption("en");
            assertThat(line).containsText("Rosa joined the session from a web browser");
        }
    }
}
