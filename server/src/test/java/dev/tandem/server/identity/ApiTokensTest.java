package dev.tandem.server.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.server.testing.Api;
import dev.tandem.server.testing.RunningServer;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Named API tokens and console sign-ins: created with a scope and a lifetime, listed without
 * secrets, revoked one by one and dead at once; sign-out revokes the bearer it came with; a
 * password change signs out the user's other sign-ins; weak passwords are refused.
 */
class ApiTokensTest {
    static RunningServer server;

    @BeforeAll
    static void start() {
        server = RunningServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aReadTokenLooksButChangesNothingAndARevokedTokenIsDeadAtOnce() {
        Api maria = server.technician("maria");
        JsonNode read = maria.post("/api/v1/tokens", "{\"name\":\"dashboard\",\"scope\":\"read\",\"expiresInDays\":7}")
                .expect(201).json();
        assertThat(read.get("id").asText()).startsWith("t_");
        assertThat(read.get("scope").asText()).isEqualTo("read");
        Instant expires = Instant.parse(read.get("expiresAt").asText());
        assertThat(expires).isBetween(Instant.now().plus(Duration.ofDays(7)).minusSeconds(60),
                Instant.now().plus(Duration.ofDays(7)).plusSeconds(60));
        Api dashboard = server.api().withToken(read.get("token").asText());
        dashboard.get("/api/v1/codes").expect(200);
        dashboard.get("/api/v1/sessions").expect(200);
        for (Api.Response refused : new Api.Response[] {dashboard.post("/api/v1/codes", "{}"),
                dashboard.post("/api/v1/tokens", "{\"name\":\"more\"}"), dashboard.put("/api/v1/auth/password",
                "{\"current\":\"x\",\"new\":\"y\"}"), dashboard.delete("/api/v1/tokens/" + read.get("id").asText())}) {
            assertThat(refused.status()).as(refused.body()).isEqualTo(403);
            assertThat(refused.errorCode()).isEqualTo("read_only_token");
        }

        JsonNode listed = maria.get("/api/v1/tokens").expect(200).json();
        JsonNode row = null;
        for (JsonNode token : listed) {
            assertThat(token.has("token")).as("no secret in the list").isFalse();
            if (token.get("id").asText().equals(read.get("id").asText())) {
                row = token;
            }
        }
        assertThat(row).isNotNull();
        assertThat(row.get("name").asText()).isEqualTo("dashboard");
        assertThat(row.get("lastUsedAt").isNull()).as("used above").isFalse();
        assertThat(listed.toString()).doesNotContain(read.get("token").asText());

        maria.delete("/api/v1/tokens/" + read.get("id").asText()).expect(204);
        Api.Response dead = dashboard.get("/api/v1/codes");
        assertThat(dead.status()).isEqualTo(401);
        assertThat(maria.delete("/api/v1/tokens/" + read.get("id").asText()).status()).isEqualTo(404);
    }

    @Test
    void techniciansSeeTheirOwnTokensAndAdministratorsEveryones() {
        Api nora = server.technician("nora");
        Api oscar = server.technician("oscar");
        String id = nora.post("/api/v1/tokens", "{\"name\":\"nora's script\"}").expect(201).json().get("id").asText();
        assertThat(oscar.get("/api/v1/tokens").body()).doesNotContain(id).doesNotContain("nora");
        assertThat(oscar.delete("/api/v1/tokens/" + id).status()).isEqualTo(404);
        assertThat(server.admin().get("/api/v1/tokens").body()).contains(id).contains("\"username\":\"nora\"");
        server.admin().delete("/api/v1/tokens/" + id).expect(204);
        JsonNode audit = server.admin().get("/api/v1/audit?limit=1000").json();
        assertThat(audit.toString()).contains("auth.token-created").contains("auth.token-revoked").contains(id);
    }

    @Test
    void badTokenRequestsAreRefusedWithASentence() {
        Api pia = server.technician("pia");
        assertThat(pia.post("/api/v1/tokens", "{}").errorMessage()).contains("'name'");
        assertThat(pia.post("/api/v1/tokens", "{\"name\":\"x\",\"scope\":\"admin\"}").errorMessage()).contains("'read'");
        assertThat(pia.post("/api/v1/tokens", "{\"name\":\"x\",\"expiresInDays\":0}").errorMessage()).contains("between 1");
        assertThat(pia.post("/api/v1/tokens", "{\"name\":\"x\",\"expiresInDays\":366}").status()).isEqualTo(400);
    }

    @Test
    void signingOutRevokesTheBearerTokenItCameWith() {
        Api quique = server.technician("quique");
        quique.post("/api/v1/auth/logout", "").expect(204);
        assertThat(quique.get("/api/v1/codes").status()).isEqualTo(401);
        // A read token may sign itself out too.
        String read = server.technician("rosa").post("/api/v1/tokens", "{\"name\":\"r\",\"scope\":\"read\"}").json()
                .get("token").asText();
        server.api().withToken(read).post("/api/v1/auth/logout", "").expect(204);
        assertThat(server.api().withToken(read).get("/api/v1/codes").status()).isEqualTo(401);
    }

    @Test
    void consoleSignInsAreListedAndRevocableAndSignOutEverywhereEndsThemAll() {
        Api sara = server.technician("sara");
        String first = consoleCookie("sara");
        String second = consoleCookie("sara");
        JsonNode sessions = sara.get("/api/v1/auth/sessions").expect(200).json();
        assertThat(sessions).hasSize(2);
        assertThat(sessions.toString()).doesNotContain(first.substring(first.indexOf('=') + 1));
        String firstId = sessions.get(1).get("id").asText();
        sara.delete("/api/v1/auth/sessions/" + firstId).expect(204);
        assertThat(me(first) + me(second)).as("exactly one of the two was revoked").isEqualTo(401 + 200);

        sara.delete("/api/v1/auth/sessions").expect(204);
        assertThat(me(first)).isEqualTo(401);
        assertThat(me(second)).isEqualTo(401);
        sara.get("/api/v1/codes").expect(200); // API tokens are managed apart
    }

    @Test
    void changingThePasswordSignsOutTheOtherSessionsAndFollowsTheRules() {
        Api tomas = server.technician("tomas");
        Api other = server.api().signIn("tomas", RunningServer.password("tomas"));
        String cookie = consoleCookie("tomas");
        Api.Response weak = tomas.put("/api/v1/auth/password", "{\"current\":\"" + RunningServer.password("tomas")
                + "\",\"new\":\"1qaz2wsx3edc\"}");
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.errorCode()).isEqualTo("weak_password");
        assertThat(tomas.put("/api/v1/auth/password", "{\"current\":\"tomas-" + "x".repeat(12) + "\",\"new\":"
                + "\"granite-lantern-river\"}").errorCode()).isEqualTo("wrong_password");
        assertThat(tomas.put("/api/v1/auth/password", "{\"current\":\"" + RunningServer.password("tomas")
                + "\",\"new\":\"tomas-is-my-name\"}").errorMessage()).contains("user name");

        tomas.put("/api/v1/auth/password", "{\"current\":\"" + RunningServer.password("tomas")
                + "\",\"new\":\"granite-lantern-river\"}").expect(204);
        tomas.get("/api/v1/codes").expect(200);
        assertThat(other.get("/api/v1/codes").status()).isEqualTo(401);
        assertThat(me(cookie)).isEqualTo(401);
        server.api().signIn("tomas", "granite-lantern-river");
        assertThat(server.admin().get("/api/v1/audit?actor=tomas").body()).contains("auth.password-changed")
                .doesNotContain("granite-lantern-river");
    }

    @Test
    void newUsersAndResetsFollowThePasswordRules() {
        Api admin = server.admin();
        for (String weak : new String[] {"short", "123456654321", "ursula-forever-1"}) {
            Api.Response refused = admin.post("/api/v1/users", "{\"username\":\"ursula\",\"password\":\"" + weak + "\"}");
            assertThat(refused.status()).as(weak).isEqualTo(400);
            assertThat(refused.errorCode()).isEqualTo("weak_password");
        }
        server.technician("ursula");
        assertThat(admin.put("/api/v1/users/ursula", "{\"password\":\"12345678\"}").errorCode()).isEqualTo("weak_password");
    }

    static String consoleCookie(String username) {
        Api.Response login = server.api().post("/api/v1/auth/login", "{\"username\":\"" + username + "\",\"password\":\""
                + RunningServer.password(username) + "\"}").expect(200);
        String setCookie = login.raw().headers().firstValue("Set-Cookie").orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    static int me(String cookie) {
        Api api = server.api();
        return api.send(api.request("/api/v1/auth/me").header("Cookie", cookie).GET()).status();
    }
}
