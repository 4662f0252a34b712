package dev.tandem.agent.logs;

import java.util.Objects;

/** One log file the phone hands over: its name and its bytes as they were when collected. Immutable. */
public final class LogFile {
    private final String name;
    private final byte[] content;

    public LogFile(String name, byte[] content) {
        if (name == null || name.isBlank() || name.contains("/") || name.contains("\\")) {
            throw new IllegalArgumentException("A log file needs a plain file name, got '" + name + "'");
        }
        this.name = name;
        this.content = Objects.requireNonNull(content, "content").clone();
    }

    public String name() {
        return name;
    }

    public byte[] content() {
        return content.clone();
    }

    public int size() {
        return content.length;
    }
}
