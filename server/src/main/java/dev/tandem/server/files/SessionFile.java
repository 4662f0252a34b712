package dev.tandem.server.files;

import java.time.Instant;

/**
 * One file of a session, either way. {@code name}, {@code size} and {@code sha256} are null for a
 * request the customer has not answered yet; {@code received} counts the bytes stored so far.
 */
public record SessionFile(String id, String sessionId, Direction direction, Status status, String name, Long size,
                          String sha256, long received, String technician, Instant createdAt, Instant finishedAt) {

    /** Which way the file goes. */
    public enum Direction {
        /** The technician sends it to the phone. */
        TO_CUSTOMER("toCustomer"),
        /** The customer picks it on the phone and sends it to the technician. */
        FROM_CUSTOMER("fromCustomer");

        private final String wire;

        Direction(String wire) {
            this.wire = wire;
        }

        public String wireName() {
            return wire;
        }
    }

    /**
     * Where the file is. To the customer: {@code UPLOADING} (the technician's pieces arrive),
     * {@code OFFERED}, {@code ACCEPTED} (the phone fetches it), {@code SAVED} or {@code DECLINED}.
     * From the customer: {@code REQUESTED}, {@code UPLOADING}, {@code RECEIVED} or {@code DECLINED}.
     */
    public enum Status {
        UPLOADING, OFFERED, ACCEPTED, SAVED, REQUESTED, RECEIVED, DECLINED;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Every piece is stored. */
    public boolean complete() {
        return size != null && received == size;
    }

    /** The pieces the file has in all. */
    public long pieces() {
        return size == null ? 0 : FilePieces.count(size);
    }
}
