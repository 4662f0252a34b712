package dev.tandem.android.session;

/** One line of the transcript as the chat screen shows it. Immutable. */
public final class ChatLine {
    /** Who wrote it, as the protocol says: {@code technician}, {@code customer} or {@code system}. */
    public final String sender;
    public final String name;
    public final String text;

    public ChatLine(String sender, String name, String text) {
        this.sender = sender;
        this.name = name == null ? "" : name;
        this.text = text;
    }

    @Override
    public String toString() {
        return sender + " " + name + ": " + text;
    }
}
