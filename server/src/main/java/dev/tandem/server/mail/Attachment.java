package dev.tandem.server.mail;

import java.util.Objects;

/** A file attached to a mail, by name, with its bytes. */
public record Attachment(String name, byte[] content) {
    public Attachment {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(content, "content");
    }
}
