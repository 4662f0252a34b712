package dev.tandem.server.events;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One live event for the consoles: its {@code type}, who gets it, and its fields as they appear in
 * the frame {@code {"type": type, …fields}} (docs/protocol.md section 2). A plain value of strings and
 * {@code view} records, so it can be encoded once and sent to any node.
 */
public record Event(String type, Audience audience, Map<String, Object> fields) {
    public Event {
        fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** The frame's content, {@code type} first. */
    public Map<String, Object> frame() {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", type);
        frame.putAll(fields);
        return frame;
    }
}
