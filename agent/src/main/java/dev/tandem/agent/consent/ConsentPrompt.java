package dev.tandem.agent.consent;

import java.util.Objects;

/** A question the technician's side asks the customer, e.g. "Share your screen with Bob?". Immutable. */
public final class ConsentPrompt {
    private final String id;
    private final ConsentKind kind;
    private final String text;
    private final boolean recorded;

    public ConsentPrompt(String id, ConsentKind kind, String text) {
        this(id, kind, text, false);
    }

    /** {@code recorded}: the portal records the session's screen (the server's prompt says so). */
    public ConsentPrompt(String id, ConsentKind kind, String text, boolean recorded) {
        this.id = Objects.requireNonNull(id, "id");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.text = text == null ? "" : text;
        this.recorded = recorded;
    }

    /** Whether what this prompt allows is recorded by the server (issue 18.6). */
    public boolean recorded() { return recorded; }

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
