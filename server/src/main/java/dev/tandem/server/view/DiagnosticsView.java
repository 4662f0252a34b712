package dev.tandem.server.view;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The latest diagnostics of a session as {@code /api/v1/sessions/{id}/diagnostics} and the console's
 * {@code diagnostics} event show them (docs/protocol.md 2c). {@code error} is there only when
 * collecting failed or the stored report cannot be read; {@code report} (the phone's
 * DiagnosticsReport, docs/protocol.md 1.10, as it sent it) and {@code collectedAt} only once a
 * report is stored.
 */
public record DiagnosticsView(String status, long revision,
                              @JsonInclude(JsonInclude.Include.NON_NULL) String error,
                              @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode report,
                              @JsonInclude(JsonInclude.Include.NON_NULL) String collectedAt,
                              List<Warning> warnings) {

    /** A finding the server made in the report: a stable code, the report's section, an English sentence. */
    public record Warning(String code, String section, String message) {
    }
}
