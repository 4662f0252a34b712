package dev.tandem.server.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.server.events.Outlet;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@link Outlet} that keeps what the core sent, in place of a socket: the text frames as JSON, the
 * binary frames, and the close status. Thread-safe.
 */
final class RecordingOutlet implements Outlet {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<JsonNode> texts = new ArrayList<>();
    private final List<ByteBuffer> binaries = new ArrayList<>();
    private Integer closeCode;

    @Override
    public synchronized boolean send(String text) {
        try {
            texts.add(JSON.readTree(text));
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
        return closeCode == null;
    }

    @Override
    public synchronized boolean send(ByteBuffer bytes) {
        binaries.add(bytes.duplicate());
        return closeCode == null;
    }

    @Override
    public boolean ping() {
        return true;
    }

    @Override
    public synchronized void close(int code, String reason) {
        if (closeCode == null) {
            closeCode = code;
        }
    }

    /** The text frames of {@code type}, oldest first. */
    synchronized List<JsonNode> of(String type) {
        return texts.stream().filter(t -> type.equals(t.path("type").asText())).toList();
    }

    synchronized JsonNode last(String type) {
        List<JsonNode> frames = of(type);
        return frames.isEmpty() ? null : frames.get(frames.size() - 1);
    }

    /** Every binary frame's bytes, joined in order. */
    synchronized byte[] binary() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (ByteBuffer frame : binaries) {
            byte[] bytes = new byte[frame.remaining()];
            frame.duplicate().get(bytes);
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }

    synchronized Integer closeCode() {
        return closeCode;
    }
}
