package dev.tandem.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.tandem.server.testing.Api;
import dev.tandem.server.testing.RunningServer;
import dev.tandem.server.testing.TestCertificates;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Single sign-on end to end against a real identity provider: Keycloak (Maven Central's server
 * distribution) with a realm this test imports, one start shared by every test here. The
 * administrator sets it up in the Management Center; people sign in through Keycloak's own login
 * page: a new person becomes a technician, the administrator group gives the administrator role,
 * an existing user is matched by verified email, and a disabled user is refused.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SingleSignOnBrowserTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REALM = "tandem";
    private static final String SECRET = "tandem-client-secret-6b1f";
    static RunningServer server;
    static Chromium chromium;
    static Keycloak keycloak;
    static TestCertificates certificates;

    @BeforeAll
    static void start() throws Exception {
        // The provider's certificate comes from a private CA that only --ca-file makes the server trust.
        certificates = TestCertificates.create(Files.createTempDirectory("tandem-sso-ca"));
        server = RunningServer.start(c -> c.withEdge(c.edge().withCaFile(certificates.caFile())));
        chromium = Chromium.launch();
        long begun = System.nanoTime();
        keycloak = Keycloak.start(REALM, realm(server.baseUrl() + "/api/v1/auth/sso/callback"),
                certificates.server("keycloak", "RSA", "localhost"), certificates.clientContext());
        System.out.printf("Keycloak answered after %.1f s%n", (System.nanoTime() - begun) / 1e9);
    }

    @AfterAll
    static void stop() {
        if (keycloak != null) {
            keycloak.close();
        }
        chromium.close();
        server.close();
    }

    /** The realm: a confidential client with PKCE, a group claim, an administrators group and four people. */
    static String realm(String redirectUri) throws Exception {
        ObjectNode realm = JSON.createObjectNode().put("realm", REALM).put("enabled", true).put("sslRequired", "none");
        realm.putArray("groups").addObject().put("name", "tandem-admins");
        ObjectNode client = realm.putArray("clients").addObject().put("clientId", "tandem").put("enabled", true)
                .put("publicClient", false).put("secret", SECRET).put("standardFlowEnabled", true)
                .put("directAccessGrantsEnabled", false).put("protocol", "openid-connect");
        client.putArray("redirectUris").add(redirectUri);
        client.putObject("attributes").put("pkce.code.challenge.method", "S256");
        ObjectNode mapper = client.putArray("protocolMappers").addObject().put("name", "groups")
                .put("protocol", "openid-connect").put("protocolMapper", "oidc-group-membership-mapper");
        mapper.putObject("config").put("claim.name", "groups").put("full.path", "false").put("id.token.claim", "true")
                .put("access.token.claim", "true").put("userinfo.token.claim", "true");
        ArrayNode users = realm.putArray("users");
        person(users, "bruno", "Bruno", "bruno@example.com", false);
        person(users, "carmen", "Carmen", "carmen@example.com", true);
        person(users, "dario.k", "Darío", "dario@example.com", false);
        person(users, "elena", "Elena", "elena@example.com", false);
        return JSON.writeValueAsString(realm);
    }

    private static void person(ArrayNode users, String username, String first, String email, boolean admin) {
        ObjectNode user = users.addObject().put("username", username).put("enabled", true).put("email", email)
                .put("emailVerified", true).put("firstName", first).put("lastName", "Prueba");
        user.putArray("credentials").addObject().put("type", "password").put("value", password(username))
                .put("temporary", false);
        if (admin) {
            user.putArray("groups").add("/tandem-admins");
        }
    }

    static String password(String username) {
        return "kc-" + username + "-pass";
    }

    /** Signs in through Keycloak's login page in a fresh browser profile; answers the page back in Tandem. */
    static Page signInThroughKeycloak(BrowserContext context, String username) {
        Page page = context.newPage();
        page.navigate(server.baseUrl() + "/");
        page.locator("[data-testid=sso-sign-in]").click();
        page.waitForURL(Pattern.compile(".*/realms/" + REALM + "/protocol/openid-connect/auth.*"));
        page.locator("#username").fill(username);
        page.locator("#password").fill(password(username));
        page.locator("#kc-login").click();
        page.waitForURL(Pattern.compile(Pattern.quote(server.baseUrl()) + "/.*"));
        return page;
    }

    @Test
    @Order(1)
    void theAdministratorSetsUpSingleSignOnInTheManagementCenter() {
        try (BrowserContext context = chromium.context("en-US", true)) {
            Page admin = ConsoleSessionTest.signInAs(server, context, "admin", RunningServer.ADMIN_PASSWORD);
            admin.navigate(server.baseUrl() + "/#/admin/settings");
            var form = admin.locator("[data-testid=sign-in-settings]");
            assertThat(form).containsText(server.baseUrl() + "/api/v1/auth/sso/callback");
            form.locator("input[name=ssoIssuer]").fill(keycloak.issuer(REALM));
            form.locator("input[name=ssoClientId]").fill("tandem");
            form.locator("input[name=ssoClientSecret]").fill(SECRET);
            form.locator("input[name=ssoLabel]").fill("Keycloak");
            form.locator("select[name=ssoNewAccounts]").selectOption("create");
            form.locator("input[name=ssoAdminGroup]").fill("tandem-admins");
            form.locator("[data-testid=save-sign-in-settings]").click();
            assertThat(form.locator("[data-testid=sso-status]")).hasText("On");
            assertThat(form).containsText("A secret is stored");
        }
        String settings = server.admin().get("/api/v1/settings").expect(200).body();
        assertThat(settings).contains("\"clientSecretSet\":true").doesNotContain(SECRET);
    }

    @Test
    @Order(2)
    void aNewPersonBecomesATechnicianAndTheAdministratorGroupGivesTheRole() {
        try (BrowserContext context = chromium.context("en-US", true)) {
            Page page = signInThroughKeycloak(context, "bruno");
            assertThat(page.locator("[data-testid=user]")).containsText("Bruno Prueba");
            assertThat(page.locator("[data-testid=user]")).containsText("Technician");
            assertThat(page.locator("[data-testid=view-admin]")).hasCount(0);
        }
        try (BrowserContext context = chromium.context("es-ES", true)) {
            Page page = signInThroughKeycloak(context, "carmen");
            assertThat(page.locator("[data-testid=user]")).containsText("Administrador");
            page.locator("[data-testid=view-admin]").click();
            assertThat(page.locator("[data-testid=management-center]")).isVisible();
        }
        String audit = server.admin().get("/api/v1/audit?limit=1000").expect(200).body();
        assertThat(audit).contains("auth.sso-account-created").contains("auth.sso-sign-in")
                .contains("role now admin from the group claim");
    }

    @Test
    @Order(3)
    void anExistingUserIsFoundByVerifiedEmailAndADisabledOneIsRefused() {
        Api admin = server.admin();
        admin.post("/api/v1/users", "{\"username\":\"dario\",\"displayName\":\"Darío Tandem\",\"password\":\""
                + RunningServer.password("dario") + "\",\"email\":\"dario@example.com\"}").expect(201);
        try (BrowserContext context = chromium.context("en-US", true)) {
            Page page = signInThroughKeycloak(context, "dario.k");
            assertThat(page.locator("[data-testid=user]")).containsText("Darío Tandem");
        }
        admin.put("/api/v1/users/dario", "{\"enabled\":false}").expect(200);
        try (BrowserContext context = chromium.context("es-ES", true)) {
            Page page = signInThroughKeycloak(context, "dario.k");
            assertThat(page.locator("[data-testid=error]")).hasText("Su cuenta de Tandem está desactivada.");
            assertThat(page.locator("[data-testid=sign-in-form]")).isVisible();
        }
        assertThat(admin.get("/api/v1/audit?action=auth.sso-sign-in-failed").body()).contains("sso_disabled");
    }

    @Test
    @Order(4)
    void withMatchingOnlyAPersonWithoutATandemAccountIsRefused() {
        Api admin = server.admin();
        admin.put("/api/v1/settings", "{\"sso\":{\"newAccounts\":\"match\"}}").expect(200);
        try (BrowserContext context = chromium.context("en-US", true)) {
            Page page = signInThroughKeycloak(context, "elena");
            assertThat(page.locator("[data-testid=error]")).containsText("no Tandem account");
        }
        for (var user : admin.get("/api/v1/users").json()) {
            assertThat(user.get("username").asText()).isNotEqualTo("elena");
        }
        System.out.printf("Keycloak started in %.1f s%n", keycloak.startedIn().toMillis() / 1000.0);
    }

    @Test
    @Order(5)
    void aServerWithoutTheProvidersCertificateAuthorityRefusesToTalkToIt() throws Exception {
        try (RunningServer stranger = RunningServer.start()) {
            stranger.admin().put("/api/v1/settings", "{\"sso\":{\"issuer\":\"" + keycloak.issuer(REALM)
                    + "\",\"clientId\":\"tandem\",\"clientSecret\":\"" + SECRET + "\"}}").expect(200);
            HttpResponse<Void> start = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(stranger.baseUrl() + "/api/v1/auth/sso/start")).build(), HttpResponse.BodyHandlers.discarding());
            assertThat(start.statusCode()).isBetween(300, 399);
            assertThat(start.headers().firstValue("Location")).hasValueSatisfying(
                    location -> assertThat(location).contains("sso_error=sso_unreachable"));
        }
    }
}
