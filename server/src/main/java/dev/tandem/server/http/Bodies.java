package dev.tandem.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.server.ErrorCode;
import dev.tandem.server.Rejection;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Optional;

/** Reads JSON request bodies with clear 400s for what is missing or of the wrong type. */
public final class Bodies {
    private static final int MAX_BODY_BYTES = 256 * 1024;
    private final ObjectMapper json;

    public Bodies(ObjectMapper json) {
        this.json = json;
    }

    /** The body as a JSON object; an empty body reads as {@code {}}. */
    public JsonNode object(Context ctx) {
        byte[] raw = ctx.bodyAsBytes();
        if (raw.length > MAX_BODY_BYTES) {
            throw Rejection.of(ErrorCode.BODY_TOO_LARGE, "The request body is larger than 256 KiB.");
        }
        if (raw.length == 0) {
            return json.createObjectNode();
        }
        try {
            JsonNode node = json.readTree(raw);
            if (node == null || !node.isObject()) {
                throw Rejection.badInput("The request body must be a JSON object.");
            }
            return node;
        } catch (IOException e) {
            throw Rejection.of(ErrorCode.MALFORMED_JSON, "The request body is not valid JSON.");
        }
    }

    public static Optional<String> text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw Rejection.badInput("'" + field + "' must be a string.");
        }
        return Optional.of(value.asText());
    }

    public static String requiredText(JsonNode body, String field) {
        return text(body, field).filter(s -> !s.isBlank())
                .orElseThrow(() -> Rejection.badInput("'" + field + "' is required."));
    }

    public static Optional<Boolean> bool(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isBoolean()) {
            throw Rejection.badInput("'" + field + "' must be true or false.");
        }
        return Optional.of(value.asBoolean());
    }

    public static Optional<Integer> integer(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw Rejection.badInput("'" + field + "' must be a whole number.");
        }
        return Optional.of(value.asInt());
    }
}
