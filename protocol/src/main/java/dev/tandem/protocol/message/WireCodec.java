package dev.tandem.protocol.message;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.tandem.protocol.JsonProblem;
import dev.tandem.protocol.ProtocolException;
import dev.tandem.protocol.TandemStatus;

/**
 * Turns protocol messages into text frames and back. Unknown fields are ignored (a newer peer may
 * add some); a frame that is not a JSON object of a known type is {@link TandemStatus#MALFORMED}.
 * Thread-safe.
 */
public final class WireCodec {
    private final ObjectMapper mapper;

    private WireCodec(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public static WireCodec create() {
        ObjectMapper mapper = new ObjectMapper()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, false)
                .configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
        // Files both ways (issue 18.5) keeps its frames in a file of its own.
        mapper.registerSubtypes(FileFrames.types().toArray(new com.fasterxml.jackson.databind.jsontype.NamedType[0]));
        return new WireCodec(mapper);
    }

    public String encode(AgentMessage message) {
        return write(message);
    }

    public String encode(ServerMessage message) {
        return write(message);
    }

    public AgentMessage decodeAgent(String frame) throws ProtocolException {
        return read(frame, AgentMessage.class);
    }

    public ServerMessage decodeServer(String frame) throws ProtocolException {
        return read(frame, ServerMessage.class);
    }

    private String write(Object message) {
        try {
            return mapper.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot encode " + message.getClass().getSimpleName(), e);
        }
    }

    private <T> T read(String frame, Class<T> type) throws ProtocolException {
        if (frame == null || frame.isEmpty()) {
            throw new ProtocolException(TandemStatus.MALFORMED, "Empty frame.");
        }
        try {
            T message = mapper.readValue(frame, type);
            if (message == null) {
                throw new ProtocolException(TandemStatus.MALFORMED, "The frame is not a JSON object.");
            }
            return message;
        } catch (JsonProcessingException e) {
            throw new ProtocolException(TandemStatus.MALFORMED, JsonProblem.describe("The frame", e));
        } catch (RuntimeException e) {
            // Jackson reports some impossible values (a number too large for its field) this way.
            throw new ProtocolException(TandemStatus.MALFORMED, "The frame does not have the expected form.");
        }
    }
}
