package dev.tandem.protocol;

/** Sizes and timings both sides of the protocol agree on. */
public final class Limits {
    /** The protocol version this build speaks. */
    public static final int PROTOCOL_VERSION = 1;
    /** Longest chat message, in characters (Unicode code points). */
    public static final int MAX_CHAT_CHARS = 4000;
    /** Longest customer name, in characters. */
    public static final int MAX_NAME_CHARS = 80;
    /** Largest text frame either side accepts. */
    public static final int MAX_FRAME_BYTES = 64 * 1024;
    /** Seconds between heartbeats; three missed ones mean the peer is gone. */
    public static final int HEARTBEAT_SECONDS = 15;
    /** Seconds a device has to send its hello. */
    public static final int HANDSHAKE_SECONDS = 10;

    /** Most bytes of a log file in one chunk (base64 in a text frame stays well under 64 KiB). */
    public static final int LOG_CHUNK_BYTES = 32 * 1024;
    /** Largest log file the server stores. */
    public static final long MAX_LOG_FILE_BYTES = 20L * 1024 * 1024;
    /** Most log bytes the server stores for one session. */
    public static final long MAX_SESSION_LOG_BYTES = 100L * 1024 * 1024;
    /** Longest log file name. */
    public static final int MAX_LOG_NAME_CHARS = 120;
    /** Points in one pen stroke (issue 18.7): a console samples a long drag down to this many. */
    public static final int DRAWING_POINTS = 200;

    private Limits() {
    }

    /** The length of {@code text} as a person counts it (emoji are one character). */
    public static int characters(String text) {
        return text.codePointCount(0, text.length());
    }
}
