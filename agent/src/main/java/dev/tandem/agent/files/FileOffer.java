package dev.tandem.agent.files;

import java.util.Objects;

/**
 * A file the technician wants to send to this phone: show the customer its name, size and sender,
 * then {@link #accept} (the phone downloads it and saves it through the saver) or {@link #decline}.
 * Nothing is downloaded or saved before the customer accepted. Answer from any thread, once.
 */
public final class FileOffer {
    private final String id;
    private final String name;
    private final long size;
    private final String from;
    private final FileExchange exchange;

    FileOffer(String id, String name, long size, String from, FileExchange exchange) {
        this.id = id;
        this.name = name;
        this.size = size;
        this.from = from;
        this.exchange = exchange;
    }

    public String id() {
        return id;
    }

    /** The file's name as the technician gave it (a plain name, no folder). */
    public String name() {
        return name;
    }

    public long size() {
        return size;
    }

    /** The technician's name. */
    public String from() {
        return from;
    }

    /** The customer accepts: the file is downloaded, verified and handed to {@code saver}. */
    public void accept(FileSaver saver) {
        exchange.accept(id, Objects.requireNonNull(saver, "saver"));
    }

    /** The customer declines: nothing is downloaded, and the server will not send it. */
    public void decline() {
        exchange.decline(id);
    }
}
