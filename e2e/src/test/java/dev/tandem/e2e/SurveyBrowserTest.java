package dev.tandem.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.tandem.server.testing.Api;
import dev.tandem.server.testing.RunningServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The satisfaction survey through every customer door and back to the Management Center: a Spanish
 * customer in the browser chat of a portal request rates the session, `tandem device` answers with
 * {@code /rate}, and the administrator reads both in the Surveys page, a session's history and the CSV.
 */
class SurveyBrowserTest {
    static RunningServer server;
    static Chromium chromium;
    static Api tech;

    @BeforeAll
    static void start() {
        server = RunningServer.start();
        tech = server.technician("sara");
        server.admin().post("/api/v1/portals", "{\"slug\":\"ayuda\",\"name\":\"Ayuda\",\"language\":\"es\","
                + "\"surveyAfterSession\":true}").expect(201);
        server.admin().put("/api/v1/portals/default", "{\"surveyAfterSession\":true}").expect(200);
        chromium = Chromium.launch();
    }

    @AfterAll
    static void stop() {
        chromium.close();
        server.close();
    }

    @Test
    void aBrowserCustomerAndAVirtualPhoneAnswerAndTheAdministratorReadsThem() throws Exception {
        String browserSession;
        try (BrowserContext customerSide = chromium.context("es-ES")) {
            Page portal = customerSide.newPage();
            portal.navigate(server.baseUrl() + "/portal/ayuda");
            portal.locator("input[name=customerName]").fill("Lucía");
            portal.locator("textarea[name=description]").fill("No tengo sonido");
            portal.locator("[data-testid=request-submit]").click();
            assertThat(portal.locator("[data-testid=request-position]")).hasText("1");
            String request = tech.get("/api/v1/requests").expect(200).json().get(0).get("id").asText();
            browserSession = tech.post("/api/v1/requests/" + request + "/accept", "").expect(200).json()
                    .get("session").asText();
            assertThat(portal.locator("[data-testid=customer-chat]")).hasAttribute("data-status", "connected");

            tech.post("/api/v1/sessions/" + browserSession + "/end", "").expect(200);
            Locator survey = portal.locator("[data-testid=survey]");
            assertThat(survey).containsText("¿Qué tal ha ido?");
            survey.locator("[data-testid=survey-send]").click();
            assertThat(survey.locator("[role=alert]")).hasText("Elija primero un número del 1 al 5.");
            survey.locator("[data-testid=survey-rating-5]").click();
            assertThat(survey.locator("[data-testid=survey-rating-5]")).hasAttribute("aria-checked", "true");
            survey.locator("[data-testid=survey-comment]").fill("Muy amable <b>gracias</b>");
            survey.locator("[data-testid=survey-send]").click();
            assertThat(portal.locator("[data-testid=survey-done]")).hasText("Gracias por su respuesta.");
        }

        String code = tech.createCode("phone");
        String phoneSession;
        try (DeviceProcess phone = DeviceProcess.start("--server", server.baseUrl(), "--code", code, "--name", "Ana",
                "--language", "en")) {
            phoneSession = phone.next("joined").get("session").asText();
            tech.post("/api/v1/sessions/" + phoneSession + "/end", "").expect(200);
            JsonNode asked = phone.next("survey");
            org.assertj.core.api.Assertions.assertThat(asked.get("text").asText()).startsWith("How did it go?");
            phone.next("ended");
            phone.type("/rate 9");
            phone.next("error");
            phone.type("/rate 3 It took a while");
            // The answer is one HTTP request with a 15 s timeout; wait longer than that, so that a slow answer
            // fails with the device's own error line rather than this test's clock.
            JsonNode answered = phone.next(e -> "surveyAnswered".equals(e.path("event").asText()), "surveyAnswered", 30);
            org.assertj.core.api.Assertions.assertThat(answered.get("outcome").asText()).isEqualTo("thanked");
            org.assertj.core.api.Assertions.assertThat(phone.awaitExit()).isZero();
        }

        try (BrowserContext adminSide = chromium.context("en-US")) {
            Page page = ConsoleSessionTest.signInAs(server, adminSide, "admin", RunningServer.ADMIN_PASSWORD);
            page.locator("[data-testid=view-admin]").click();
            page.locator("[data-testid=mc-nav-surveys]").click();
            Locator sara = page.locator("[data-testid=survey-technicians] tr[data-key=sara]");
            assertThat(sara).containsText("sara");
            assertThat(sara.locator("[data-testid=survey-average]")).hasText("4.00");
            assertThat(page.locator("[data-testid=survey-portals] tr[data-key=ayuda] [data-testid=survey-average]"))
                    .hasText("5.00");
            assertThat(page.locator("[data-testid=survey-portals] tr[data-key=default] [data-testid=survey-average]"))
                    .hasText("3.00");

            page.navigate(server.baseUrl() + "/#/admin/history/" + browserSession);
            Locator card = page.locator("[data-testid=history-survey]");
            assertThat(card.locator("[data-testid=survey-rating]")).hasText("5 of 5");
            assertThat(card.locator("[data-testid=survey-comment]")).hasText("Muy amable <b>gracias</b>");
            assertThat(card.locator("b")).hasCount(0); // the customer's words are text, never markup
        }

        String csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.baseUrl()
                        + "/api/v1/history.csv")).header("Authorization", "Bearer " + server.admin().token()).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        org.assertj.core.api.Assertions.assertThat(csv).contains(",3,It took a while\r\n")
                .contains(",5,Muy amable <b>gracias</b>\r\n");
    }
}
