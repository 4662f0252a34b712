package dev.tandem.protocol.diagnostics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.protocol.ProtocolException;
import dev.tandem.protocol.TandemStatus;

/**
 * Turns a {@link DiagnosticsReport} into JSON and back, losslessly. Unknown fields are ignored (a
 * newer phone may add some); missing readings become unavailable, never {@code null}. Thread-safe.
 */
public final class DiagnosticsJson {
    private final ObjectMapper mapper;

    private DiagnosticsJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public static DiagnosticsJson create() {
        return new DiagnosticsJson(new ObjectMapper()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, false));
    }

    public String write(DiagnosticsReport report) {
        try {
            return mapper.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot encode the diagnostics report", e);
        }
    }

    public DiagnosticsReport read(String json) throws ProtocolException {
        if (json == null || json.isEmpty()) {
            throw new ProtocolException(TandemStatus.MALFORMED, "Empty diagnostics report.");
        }
        try {
            DiagnosticsReport report = mapper.readValue(json, DiagnosticsReport.class);
            if (report == null) {
                throw new ProtocolException(TandemStatus.MALFORMED, "The diagnostics report is not a JSON object.");
            }
            return report;
        } catch (JsonProcessingException e) {
            throw new ProtocolException(TandemStatus.MALFORMED,
                    "Malformed diagnostics report: " + String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse(""));
        }
    }
}
