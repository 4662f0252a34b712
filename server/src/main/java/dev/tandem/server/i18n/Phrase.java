package dev.tandem.server.i18n;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A sentence of the catalogue before it is worded: its key (e.g. {@code event.screenAllowed}) and
 * the values of its {@code {placeholders}}. Transcript lines and audit details are stored this way
 * and worded for each reader. Immutable.
 */
public record Phrase(String key, Map<String, String> params) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() { };

    public Phrase {
        Objects.requireNonNull(key, "key");
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params == null ? Map.of() : params));
    }

    /** A phrase with the given name/value pairs, in order; null values become empty. */
    public static Phrase of(String key, String... nameValues) {
        if (nameValues.length % 2 != 0) {
            throw new IllegalArgumentException("Parameters come in name/value pairs: " + key);
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            params.put(nameValues[i], nameValues[i + 1] == null ? "" : nameValues[i + 1]);
        }
        return new Phrase(key, params);
    }

    /** The parameters as a JSON object, as the database keeps them. */
    public String paramsJson() {
        try {
            return JSON.writeValueAsString(params);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A stored phrase; null when there is no key (a line written before phrases, or a plain message). */
    public static Phrase fromStored(String key, String paramsJson) {
        if (key == null) {
            return null;
        }
        if (paramsJson == null || paramsJson.isBlank()) {
            return new Phrase(key, Map.of());
        }
        try {
            return new Phrase(key, JSON.readValue(paramsJson, MAP));
        } catch (JsonProcessingException e) {
            return new Phrase(key, Map.of());
        }
    }
}
