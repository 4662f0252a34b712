package dev.tandem.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The survey's answer as the server receives it, over a real HTTP server, and what its statuses mean. */
class SatisfactionSurveyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final BlockingQueue<String> requests = new LinkedBlockingQueue<>();
    private final AtomicInteger status = new AtomicInteger(204);
    private HttpServer server;
    private SatisfactionSurvey survey;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + exchange.getRequestHeaders().getFirst("Content-Type") + " "
                    + new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        server.start();
        ServerAddress address = ServerAddress.parse("http://127.0.0.1:" + server.getAddress().getPort() + "/support/");
        survey = new SatisfactionSurvey(address.api("/surveys/tok_123"), null);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void theAnswerIsPostedAsJsonToTheTokensAddress() throws Exception {
        assertThat(survey.answer(4, "  Rápido y amable 😀  ")).isEqualTo(SatisfactionSurvey.Outcome.THANKED);
        String request = requests.take();
        assertThat(request).startsWith("POST /support/api/v1/surveys/tok_123 application/json; charset=utf-8 ");
        JsonNode body = JSON.readTree(request.substring(request.indexOf('{')));
        assertThat(body.get("rating").asInt()).isEqualTo(4);
        assertThat(body.get("comment").asText()).isEqualTo("Rápido y amable 😀");

        survey.answer(5, "   ");
        assertThat(requests.take()).endsWith("{\"rating\":5}");
    }

    @Test
    void theServersRefusalsAreOutcomesAndAnythingElseIsAnError() throws Exception {
        status.set(409);
        assertThat(survey.answer(3, null)).isEqualTo(SatisfactionSurvey.Outcome.ALREADY_ANSWERED);
        status.set(404);
        assertThat(survey.answer(3, null)).isEqualTo(SatisfactionSurvey.Outcome.EXPIRED);
        status.set(500);
        assertThatThrownBy(() -> survey.answer(3, null)).isInstanceOf(IOException.class).hasMessageContaining("500");
    }

    @Test
    void aRatingOutOfRangeOrALongCommentIsRefusedBeforeSending() {
        assertThatThrownBy(() -> survey.answer(0, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> survey.answer(6, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> survey.answer(3, "x".repeat(1001))).isInstanceOf(IllegalArgumentException.class);
        assertThat(requests).isEmpty();
    }
}
