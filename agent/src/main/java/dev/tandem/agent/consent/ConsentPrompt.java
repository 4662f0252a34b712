package dev.tandem.agent.consent;

import java.util.Objects;

/** A question the technician's side asks the customer, e.g. "Share your screen with Bob?". Immutable. */
public final class ConsentPrompt {
    private final String id;
    private final ConsentKind kind;
    private final String text;

    public ConsentPrompt(String id, ConsentKind kind, String text) {
        this.id = Objects.requireNonNull(id, "id");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.text = text == null ? "" : text;
    }

    /** The server's prompt id, used to answer it. */
    public String id() { return id; }

    public ConsentKind kind() { return kind; }

    /** The question as the server worded it, in the session's language. */
    public String text() { return text; }

    @Override
    public String toString() {
        return "ConsentPrompt[" + id + ", " + kind.wireName() + "]";
    }
}
