package dev.tandem.server.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The views on the wire, written by a mapper set up as the server's: fields in the order the
 * contract has always had them, nulls written, and the fields that are only sometimes there left
 * out exactly when they were before the views were records.
 */
class ViewJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setSerializationInclusion(JsonInclude.Include.ALWAYS);

    @Test
    void aDiagnosticsViewHasItsErrorOnlyWhenThereIsOneAndItsReportOnlyOnceStored() throws Exception {
        assertThat(JSON.writeValueAsString(new DiagnosticsView("pending", 3, null, null, null, List.of())))
                .isEqualTo("{\"status\":\"pending\",\"revision\":3,\"warnings\":[]}");
        assertThat(JSON.writeValueAsString(new DiagnosticsView("failed", 4, "Usage access is off.", null, null,
                List.of()))).isEqualTo("{\"status\":\"failed\",\"revision\":4,\"error\":\"Usage access is off.\",\"warnings\":[]}");
        assertThat(JSON.writeValueAsString(new DiagnosticsView("ready", 5, null, JSON.readTree("{\"version\":1}"),
                "2026-12-06T07:00:00Z", List.of(new DiagnosticsView.Warning("storage.low", "storage", "Low.")))))
                .isEqualTo("{\"status\":\"ready\",\"revision\":5,\"report\":{\"version\":1},"
                        + "\"collectedAt\":\"2026-12-06T07:00:00Z\",\"warnings\":[{\"code\":\"storage.low\","
                        + "\"section\":\"storage\",\"message\":\"Low.\"}]}");
    }

    @Test
    void aNewRequestIsTheCustomersViewWithItsTokenLast() throws Exception {
        CustomerRequestView request = new CustomerRequestView("r1", "waiting", 1, "default", "Default", "Ana",
                "Printer", null, null, "2026-12-06T07:00:00Z", "2026-12-06T07:10:00Z", null, null);
        assertThat(JSON.writeValueAsString(new NewRequestView(request, "secret"))).isEqualTo("{\"id\":\"r1\","
                + "\"status\":\"waiting\",\"position\":1,\"portal\":\"default\",\"portalName\":\"Default\","
                + "\"name\":\"Ana\",\"description\":\"Printer\",\"email\":null,\"followUpEmail\":null,"
                + "\"createdAt\":\"2026-12-06T07:00:00Z\",\"expiresAt\":\"2026-12-06T07:10:00Z\",\"session\":null,"
                + "\"technician\":null,\"token\":\"secret\"}");
    }

    @Test
    void anUnreadableStoredReportIsNullInTheHistoryAndTheErrorBodyHasItsCodeFirst() throws Exception {
        assertThat(JSON.writeValueAsString(new SessionHistoryView.Report("d1", "2026-12-06T07:00:00Z", null)))
                .isEqualTo("{\"id\":\"d1\",\"collectedAt\":\"2026-12-06T07:00:00Z\",\"report\":null}");
        assertThat(JSON.writeValueAsString(new ErrorView(new ErrorView.Body("not_found", "There is no session x."))))
                .isEqualTo("{\"error\":{\"code\":\"not_found\",\"message\":\"There is no session x.\"}}");
    }

    @Test
    void anApiTokenHasANameAndScopeAndAConsoleSignInHasNeither() throws Exception {
        assertThat(JSON.writeValueAsString(new TokenView("t1", "ci", "read", "ana", "a", "b", null, "127.0.0.1", null,
                true))).isEqualTo("{\"id\":\"t1\",\"name\":\"ci\",\"scope\":\"read\",\"username\":\"ana\","
                + "\"createdAt\":\"a\",\"expiresAt\":\"b\",\"lastUsedAt\":null,\"address\":\"127.0.0.1\","
                + "\"userAgent\":null,\"current\":true}");
        assertThat(JSON.writeValueAsString(new ConsoleSignInView("w1", "ana", "a", "b", null, null, "Firefox", false)))
                .isEqualTo("{\"id\":\"w1\",\"username\":\"ana\",\"createdAt\":\"a\",\"expiresAt\":\"b\","
                        + "\"lastUsedAt\":null,\"address\":null,\"userAgent\":\"Firefox\",\"current\":false}");
    }
}
