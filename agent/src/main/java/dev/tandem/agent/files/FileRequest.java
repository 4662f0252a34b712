package dev.tandem.agent.files;

/**
 * The technician asks the customer to pick a file and send it. The app opens its picker and
 * {@link #send}s the bytes of the one file the customer chose, or {@link #decline}s; the agent reads
 * nothing else. Answer from any thread, once.
 */
public final class FileRequest {
    private final String id;
    private final String from;
    private final FileExchange exchange;

    FileRequest(String id, String from, FileExchange exchange) {
        this.id = id;
        this.from = from;
        this.exchange = exchange;
    }

    public String id() {
        return id;
    }

    /** The technician's name. */
    public String from() {
        return from;
    }

    /**
     * Sends the file the customer picked: {@code name} a plain file name, {@code content} its bytes.
     *
     * @throws IllegalArgumentException for a name with a folder in it or an empty name
     */
    public void send(String name, byte[] content) {
        exchange.send(id, PickedFile.of(name, content));
    }

    /** The customer does not want to send a file. */
    public void decline() {
        exchange.decline(id);
    }
}
