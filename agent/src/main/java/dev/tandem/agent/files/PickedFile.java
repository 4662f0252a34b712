package dev.tandem.agent.files;

import dev.tandem.agent.logs.LogUpload;
import java.util.Objects;

/** The one file the customer picked for a request: its plain name, bytes and SHA-256. Immutable. */
final class PickedFile {
    final String name;
    final byte[] content;
    final String sha256;

    private PickedFile(String name, byte[] content) {
        this.name = name;
        this.content = content;
        this.sha256 = LogUpload.sha256(content);
    }

    static PickedFile of(String name, byte[] content) {
        String plain = name == null ? "" : name.strip();
        if (plain.isEmpty() || plain.contains("/") || plain.contains("\\")) {
            throw new IllegalArgumentException("A file to send needs a plain file name, got '" + name + "'");
        }
        return new PickedFile(plain, Objects.requireNonNull(content, "content").clone());
    }
}
