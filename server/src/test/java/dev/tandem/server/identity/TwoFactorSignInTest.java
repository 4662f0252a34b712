package dev.tandem.server.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.server.auth.Totp;
import dev.tandem.server.testing.Api;
import dev.tandem.server.testing.RunningServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * TOTP through the REST API: enrolment, sign-in with and without a code, replayed and expired
 * codes, recovery codes, wrong codes counted toward the sign-in limits, and turning it off.
 */
class TwoFactorSignInTest {
    static RunningServer server;

    @BeforeAll
    static void start() {
        server = RunningServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** The code an authenticator app shows now, on the server's clock. */
    static String codeNow(String secret) {
        return Totp.code(secret, Totp.step(server.clock().instant()));
    }

    /** Moves the server's clock to the start of the next 30-second step (a new code). */
    static void nextStep() {
        long into = server.clock().instant().getEpochSecond() % Totp.STEP_SECONDS;
        server.clock().advance(Duration.ofSeconds(Totp.STEP_SECONDS - into));
    }

    static Api.Response token(String username, String otp) {
        return server.api().post("/api/v1/auth/token", "{\"username\":\"" + username + "\",\"password\":\""
                + RunningServer.password(username) + "\"" + (otp == null ? "" : ",\"otp\":\"" + otp + "\"") + "}");
    }

    /** Turns TOTP on for a user through the API; answers the secret and the recovery codes. */
    static Enrolled enrol(Api user) {
        JsonNode begun = user.post("/api/v1/auth/totp", "").expect(200).json();
        String secret = begun.get("secret").asText();
        assertThat(begun.get("otpauthUri").asText()).startsWith("otpauth://totp/Tandem:").contains("secret=" + secret);
        List<String> recovery = new ArrayList<>();
        user.post("/api/v1/auth/totp/confirm", "{\"code\":\"" + codeNow(secret) + "\"}").expect(200).json()
                .get("recoveryCodes").forEach(c -> recovery.add(c.asText()));
        return new Enrolled(secret, recovery);
    }

    record Enrolled(String secret, List<String> recoveryCodes) {
    }

    @Test
    void onceTotpIsOnTheTokenNeedsACurrentCodeAndEachCodeWorksOnce() {
        Api ines = server.technician("ines");
        JsonNode begun = ines.post("/api/v1/auth/totp", "").expect(200).json();
        String secret = begun.get("secret").asText();
        // Not active until confirmed: the password alone still signs in.
        token("ines", null).expect(200);
        Api.Response wrong = ines.post("/api/v1/auth/totp/confirm", "{\"code\":\"000000\"}");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.errorCode()).isEqualTo("invalid_otp");
        JsonNode confirmed = ines.post("/api/v1/auth/totp/confirm", "{\"code\":\"" + codeNow(secret) + "\"}")
                .expect(200).json();
        assertThat(confirmed.get("recoveryCodes")).hasSize(10);
        assertThat(ines.get("/api/v1/auth/me").json().at("/secondFactor/totp").asBoolean()).isTrue();
        assertThat(ines.post("/api/v1/auth/totp", "").status()).as("a second app needs the first one off").isEqualTo(409);

        Api.Response without = token("ines", null);
        assertThat(without.status()).isEqualTo(401);
        assertThat(without.errorCode()).isEqualTo("otp_required");
        assertThat(without.errorMessage()).contains("authenticator app");
        Api.Response console = server.api().post("/api/v1/auth/login", "{\"username\":\"ines\",\"password\":\""
                + RunningServer.password("ines") + "\"}");
        assertThat(console.status()).isEqualTo(401);
        assertThat(console.errorCode()).isEqualTo("otp_required");
        assertThat(console.raw().headers().firstValue("Set-Cookie")).isEmpty();

        // The code used to confirm is spent; the next step's code signs in once.
        assertThat(token("ines", codeNow(secret)).errorCode()).as("the confirming code again").isEqualTo("invalid_otp");
        nextStep();
        String code = codeNow(secret);
        String bearer = token("ines", code).expect(200).json().get("token").asText();
        server.api().withToken(bearer).get("/api/v1/codes").expect(200);
        Api.Response replayed = token("ines", code);
        assertThat(replayed.status()).as("the same code twice").isEqualTo(401);
        assertThat(replayed.errorCode()).isEqualTo("invalid_otp");

        // A code from two steps ago has expired.
        nextStep();
        nextStep();
        String old = Totp.code(secret, Totp.step(server.clock().instant()) - 2);
        assertThat(token("ines", old).errorCode()).isEqualTo("invalid_otp");
        // A wrong password with a right code says nothing about the code.
        Api.Response badPassword = server.api().post("/api/v1/auth/token", "{\"username\":\"ines\",\"password\":"
                + "\"not-the-password\",\"otp\":\"" + codeNow(secret) + "\"}");
        assertThat(badPassword.errorCode()).isEqualTo("invalid_credentials");
        Api.Response cookie = server.api().post("/api/v1/auth/login", "{\"username\":\"ines\",\"password\":\""
                + RunningServer.password("ines") + "\",\"otp\":\"" + codeNow(secret) + "\"}").expect(200);
        assertThat(cookie.raw().headers().firstValue("Set-Cookie").orElseThrow()).startsWith("tandem_session=");
    }

    @Test
    void recoveryCodesSignInOnceEach() {
        Enrolled enrolled = enrol(server.technician("jorge"));
        String first = enrolled.recoveryCodes().get(0);
        assertThat(first).matches("[a-z2-9]{5}-[a-z2-9]{5}");
        token("jorge", first).expect(200);
        assertThat(token("jorge", first).errorCode()).as("a recovery code twice").isEqualTo("invalid_otp");
        // Typed without the dash and in capitals, the second one still works.
        token("jorge", enrolled.recoveryCodes().get(1).replace("-", "").toUpperCase()).expect(200);
        Api jorge = server.api().withToken(token("jorge", enrolled.recoveryCodes().get(2)).json().get("token").asText());
        assertThat(jorge.get("/api/v1/auth/me").json().at("/secondFactor/recoveryCodesLeft").asInt()).isEqualTo(7);
    }

    @Test
    void wrongCodesCountTowardTheSignInLimits() {
        enrol(server.technician("karin"));
        int refusedAt = -1;
        for (int attempt = 1; attempt <= 12 && refusedAt < 0; attempt++) {
            Api.Response response = token("karin", "000000");
            if (response.status() == 429) {
                refusedAt = attempt;
            } else {
                assertThat(response.errorCode()).isEqualTo("invalid_otp");
            }
        }
        assertThat(refusedAt).as("the right password does not clear the count while the code is wrong").isEqualTo(11);
    }

    @Test
    void turningTotpOffTakesACurrentCodeAndIsAudited() {
        Api luis = server.technician("luis");
        Enrolled enrolled = enrol(luis);
        Api.Response wrong = luis.delete("/api/v1/auth/totp", "{\"code\":\"123456\"}");
        assertThat(wrong.status()).as("403, not 401: the caller stays signed in").isEqualTo(403);
        assertThat(wrong.errorCode()).isEqualTo("invalid_otp");
        nextStep();
        luis.delete("/api/v1/auth/totp", "{\"code\":\"" + codeNow(enrolled.secret()) + "\"}").expect(204);
        token("luis", null).expect(200);
        assertThat(luis.delete("/api/v1/auth/totp", "{\"code\":\"123456\"}").errorCode()).isEqualTo("totp_off");
        JsonNode audit = server.admin().get("/api/v1/audit?actor=luis").expect(200).json();
        assertThat(audit.findValuesAsText("action")).contains("auth.totp-enabled", "auth.totp-disabled");
        assertThat(audit.toString()).doesNotContain(enrolled.secret()).doesNotContain(enrolled.recoveryCodes().get(0));
    }
}
