package dev.tandem.server.edge;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.tandem.server.auth.Accounts;
import dev.tandem.server.testing.Api;
import dev.tandem.server.testing.RunningServer;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Security headers on every page, /metrics behind a token, the access log and escaped log lines. */
class EdgeHeadersTest {

    @Test
    void everyConsoleAndCustomerPageForbidsFramingAndInlineScript() {
        try (RunningServer server = RunningServer.start()) {
            String code = server.technician("tess").createCode("headers");
            for (String path : List.of("/", "/index.html", "/join/" + code, "/portal/default", "/api/v1/openapi.json",
                    "/api/v1/auth/me")) {
                HttpResponse<String> page = server.api().get(path).raw();
                assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).as(path)
                        .contains("frame-ancestors 'none'").contains("script-src 'self';");
                assertThat(page.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
                assertThat(page.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
                assertThat(page.headers().firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
                assertThat(page.headers().firstValue("Permissions-Policy")).as(path).isPresent();
                assertThat(page.headers().firstValue("Strict-Transport-Security")).as("plain HTTP: " + path).isEmpty();
            }
        }
    }

    @Test
    void metricsAnswerTheMetricsTokenAndAdministratorsOnlyWhileHealthStaysOpen() {
        try (RunningServer server = RunningServer.start(c -> c.withEdge(c.edge().withMetricsToken("scrape-me-7")))) {
            server.api().get("/healthz").expect(200);
            assertThat(server.api().get("/metrics").expect(401).errorCode()).isEqualTo("unauthenticated");
            server.api().withToken("wrong-token").get("/metrics").expect(401);
            server.technician("theo").get("/metrics").expect(403);
            assertThat(server.api().withToken("scrape-me-7").get("/metrics").expect(200).body()).contains("tandem_sessions_active");
            assertThat(server.admin().get("/metrics").expect(200).body()).contains("tandem_sessions_active");
        }
        try (RunningServer server = RunningServer.start()) {
            server.api().get("/metrics").expect(401);
            server.admin().get("/metrics").expect(200);
        }
    }

    @Test
    void theAccessLogHasOneCombinedLinePerRequestWithTheClientAndNoQueryString() throws Exception {
        try (RunningServer server = RunningServer.start(c -> c.withEdge(c.edge().withAccessLog(EdgeSettings.AccessLogTarget.FILE)))) {
            String code = server.technician("ulla").createCode("log");
            server.api().get("/api/v1/sessions?token=query-secret-123").expect(401);
            server.api().get("/join/" + code + "?lang=es").expect(200);
            server.api().send(server.api().request("/healthz").header("User-Agent", "evil\" agent"));
            server.close();
            List<String> lines = Files.readAllLines(server.data().resolve("access.log"));
            assertThat(lines).anySatisfy(line -> assertThat(line).matches(
                    "127\\.0\\.0\\.1 - - \\[\\d{2}/\\w{3}/\\d{4}:\\d{2}:\\d{2}:\\d{2} \\+0000] \"GET /api/v1/sessions HTTP/1\\.1\" 401 \\d+ \"-\" \".*\" \\d+"));
            assertThat(String.join("\n", lines)).doesNotContain("query-secret-123").doesNotContain("?lang")
                    .doesNotContain(code).contains("\"GET /join/********* HTTP/1.1\" 200")
                    .contains("\"evil\\\" agent\"");
        }
    }

    @Test
    void aUserNameWithANewlineCannotForgeALogLine() {
        Logger accounts = (Logger) LoggerFactory.getLogger(Accounts.class);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        accounts.addAppender(captured);
        ch.qos.logback.classic.Level before = accounts.getLevel();
        accounts.setLevel(ch.qos.logback.classic.Level.INFO);
        try (RunningServer server = RunningServer.start()) {
            server.api().post("/api/v1/auth/token", "{\"username\":\"eve\\n12:00:00.000 INFO  Accounts - admin signed in\","
                    + "\"password\":\"nope-nope-nope\"}").expect(401);
            assertThat(captured.list).isNotEmpty().allSatisfy(event -> assertThat(event.getFormattedMessage())
                    .doesNotContain("\n").contains("eve\\n12:00"));
        } finally {
            accounts.detachAppender(captured);
            accounts.setLevel(before);
        }
    }
}
