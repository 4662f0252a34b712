package dev.tandem.server.surveys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.server.testing.Api;
import dev.tandem.server.testing.RawDevice;
import dev.tandem.server.testing.RunningServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The satisfaction survey through the doors a customer and an administrator use: the session's end
 * hands the phone a token where the portal asks, the answer is taken once, and it shows in the
 * history, the CSV, the audit log and the summary.
 */
class SurveyTest {

    /** A session of {@code tech} on {@code portal} that the technician ends; the phone's end message. */
    private static JsonNode endedSession(RunningServer server, Api tech, String portal, String customer) {
        String code = tech.post("/api/v1/codes", "{\"portal\":\"" + portal + "\"}").expect(201).json().get("code").asText();
        try (RawDevice device = RawDevice.connect(server)) {
            String session = device.join(code, customer).get("session").asText();
            tech.post("/api/v1/sessions/" + session + "/end", "").expect(200);
            JsonNode end = device.next("end");
            assertThat(end.get("by").asText()).isEqualTo("technician");
            return ((com.fasterxml.jackson.databind.node.ObjectNode) end).put("sessionId", session);
        }
    }

    @Test
    void aPortalThatAsksHandsTheCustomerATokenThatAnswersOnce() throws Exception {
        try (RunningServer server = RunningServer.start()) {
            Api admin = server.admin();
            admin.post("/api/v1/portals", "{\"name\":\"Printers\",\"slug\":\"printers\",\"surveyAfterSession\":true}")
                    .expect(201);
            assertThat(admin.get("/api/v1/portals").json().findValuesAsText("surveyAfterSession")).contains("true");
            Api tech = server.technician("gina");

            JsonNode end = endedSession(server, tech, "printers", "Ana");
            String session = end.get("sessionId").asText();
            String token = end.path("survey").asText();
            assertThat(token).hasSizeGreaterThan(20);

            Api customer = new Api(server.baseUrl());
            assertThat(customer.post("/api/v1/surveys/" + token, "{\"rating\":0}").errorCode()).isEqualTo("bad_input");
            assertThat(customer.post("/api/v1/surveys/" + token, "{\"rating\":\"five\"}").status()).isEqualTo(400);
            assertThat(customer.post("/api/v1/surveys/" + token, "{\"rating\":4,\"comment\":\"" + "x".repeat(1001) + "\"}")
                    .status()).isEqualTo(400);
            assertThat(customer.post("/api/v1/surveys/wrong" + token, "{\"rating\":4}").errorCode())
                    .isEqualTo("survey_not_found");
            customer.post("/api/v1/surveys/" + token, "{\"rating\":4,\"comment\":\"=Quick, \\\"kind\\\" help\"}")
                    .expect(204);
            Api.Response again = customer.post("/api/v1/surveys/" + token, "{\"rating\":1}");
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.errorCode()).isEqualTo("survey_answered");

            JsonNode history = tech.get("/api/v1/sessions/" + session + "/history").expect(200).json();
            assertThat(history.at("/survey/rating").asInt()).isEqualTo(4);
            assertThat(history.at("/survey/comment").asText()).isEqualTo("=Quick, \"kind\" help");
            assertThat(history.at("/survey/answeredAt").asText()).isNotEmpty();

            String csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.baseUrl()
                            + "/api/v1/history.csv")).header("Authorization", "Bearer " + admin.token()).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(csv.split("\r\n")[0]).endsWith(",messages,notes,survey_rating,survey_comment");
            assertThat(csv).contains(",4,\"'=Quick, \"\"kind\"\" help\"\r\n");

            JsonNode audit = admin.get("/api/v1/audit?action=survey.answered").expect(200).json();
            assertThat(audit).hasSize(1);
            assertThat(audit.get(0).get("session").asText()).isEqualTo(session);
            assertThat(audit.get(0).get("actor").asText()).contains("Ana");
        }
    }

    @Test
    void theSummaryAveragesPerTechnicianAndPortalAndAPortalThatDoesNotAskHandsNoToken() throws Exception {
        try (RunningServer server = RunningServer.start()) {
            Api admin = server.admin();
            admin.put("/api/v1/portals/default", "{\"surveyAfterSession\":true}").expect(200);
            admin.post("/api/v1/portals", "{\"name\":\"Quiet\",\"slug\":\"quiet\"}").expect(201);
            Api gina = server.technician("gina");
            Api hugo = server.technician("hugo");
            Api customer = new Api(server.baseUrl());
            customer.post("/api/v1/surveys/" + endedSession(server, gina, "default", "Ana").get("survey").asText(),
                    "{\"rating\":5}").expect(204);
            customer.post("/api/v1/surveys/" + endedSession(server, gina, "default", "Bea").get("survey").asText(),
                    "{\"rating\":2,\"comment\":\"  \"}").expect(204);
            endedSession(server, hugo, "default", "Carl"); // asked, never answered
            assertThat(endedSession(server, hugo, "quiet", "Dora").has("survey")).isFalse();

            JsonNode summary = admin.get("/api/v1/surveys/summary").expect(200).json();
            JsonNode ginas = summary.get("technicians").get(0);
            assertThat(ginas.get("key").asText()).isEqualTo("gina");
            assertThat(ginas.get("asked").asInt()).isEqualTo(2);
            assertThat(ginas.get("answered").asInt()).isEqualTo(2);
            assertThat(ginas.get("averageRating").asDouble()).isEqualTo(3.5);
            JsonNode hugos = summary.get("technicians").get(1);
            assertThat(hugos.get("key").asText()).isEqualTo("hugo");
            assertThat(hugos.get("answered").asInt()).isZero();
            assertThat(hugos.get("averageRating").isNull()).isTrue();
            assertThat(summary.get("portals")).hasSize(1);
            assertThat(summary.get("portals").get(0).get("key").asText()).isEqualTo("default");
            assertThat(summary.get("portals").get(0).get("asked").asInt()).isEqualTo(3);
            assertThat(admin.get("/api/v1/surveys/summary?from=2000-01-01&to=2000-01-02").json().get("technicians"))
                    .isEmpty();
            assertThat(admin.get("/api/v1/surveys/summary?from=2030-01-02&to=2030-01-01").status()).isEqualTo(400);
            assertThat(gina.get("/api/v1/surveys/summary").status()).isEqualTo(403);
        }
    }
}
