package dev.tandem.protocol;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.regex.Pattern;

/**
 * Says what is wrong with a JSON text in a sentence a person can act on. Jackson's own messages
 * name Java classes and parser tokens ({@code java.lang.String}, {@code JsonToken.START_OBJECT});
 * those must never reach a peer, so this reads only the kind of problem and the names of the
 * fields involved, which are the protocol's own.
 */
public final class JsonProblem {
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_]{1,40}");

    private JsonProblem() {
    }

    /** A sentence for {@code problem} with {@code what} ("The frame", "The request body") as its subject. */
    public static String describe(String what, JsonProcessingException problem) {
        if (problem instanceof JsonParseException) {
            return what + " is not valid JSON.";
        }
        if (problem instanceof InvalidTypeIdException) {
            String type = ((InvalidTypeIdException) problem).getTypeId();
            if (type == null) {
                return what + " has no \"type\".";
            }
            return what + " has a \"type\" this version does not know" + (PLAIN_NAME.matcher(type).matches()
                    ? ": \"" + type + "\"." : ".");
        }
        String field = field(problem);
        if (problem instanceof MismatchedInputException) {
            if (field == null) {
                return what + " must be a JSON object.";
            }
            return "The field \"" + field + "\" of " + lower(what) + " has the wrong type or value.";
        }
        if (field != null) {
            return "The field \"" + field + "\" of " + lower(what) + " is not valid.";
        }
        return what + " does not have the expected form.";
    }

    /** The dotted path of the field the problem is in, when every part of it is a plain name. */
    private static String field(JsonProcessingException problem) {
        if (!(problem instanceof JsonMappingException)) {
            return null;
        }
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : ((JsonMappingException) problem).getPath()) {
            String name = reference.getFieldName();
            if (name == null) {
                if (reference.getIndex() >= 0) {
                    path.append('[').append(reference.getIndex()).append(']');
                }
                continue;
            }
            if (!PLAIN_NAME.matcher(name).matches()) {
                return null;
            }
            path.append(path.length() == 0 ? "" : ".").append(name);
        }
        return path.length() == 0 ? null : path.toString();
    }

    private static String lower(String what) {
        return what.isEmpty() ? what : Character.toLowerCase(what.charAt(0)) + what.substring(1);
    }
}
