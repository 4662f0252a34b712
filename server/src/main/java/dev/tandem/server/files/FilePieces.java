package dev.tandem.server.files;

import dev.tandem.protocol.Limits;
import java.util.Base64;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * The pieces a file travels and rests in: {@link Limits#LOG_CHUNK_BYTES} bytes each (the last one
 * shorter), base64 on the wire with a CRC-32, the same as log files (docs/protocol.md 1.10). Stateless.
 */
public final class FilePieces {
    public static final int PIECE_BYTES = Limits.LOG_CHUNK_BYTES;

    private FilePieces() {
    }

    /** How many pieces {@code size} bytes take (an empty file has none). */
    public static long count(long size) {
        return (size + PIECE_BYTES - 1) / PIECE_BYTES;
    }

    /** The length piece {@code index} of a file of {@code size} bytes must have. */
    public static int lengthOf(long size, long index) {
        return (int) Math.min(PIECE_BYTES, size - index * PIECE_BYTES);
    }

    public static long crc32(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }

    public static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** The bytes of a piece as the phone sent them, or empty when they are not base64 or fail their CRC-32. */
    public static Optional<byte[]> decode(String data, long crc32) {
        try {
            byte[] bytes = Base64.getDecoder().decode(data == null ? "" : data);
            return crc32(bytes) == crc32 ? Optional.of(bytes) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code text} is a lower-case hex SHA-256. */
    public static boolean isSha256(String text) {
        return text != null && text.matches("[0-9a-f]{64}");
    }

    /** A plain file name: no path, no control characters, at most {@link Limits#MAX_LOG_NAME_CHARS} characters. */
    public static Optional<String> plainName(String name) {
        String kept = name == null ? "" : name.strip();
        if (kept.isEmpty() || kept.length() > Limits.MAX_LOG_NAME_CHARS || !kept.matches("[^/\\\\\\p{Cntrl}]+")
                || kept.equals(".") || kept.equals("..")) {
            return Optional.empty();
        }
        return Optional.of(kept);
    }

    /** A size as people read it in a transcript line: bytes, KB or MB (2^10, 2^20). */
    public static String humanSize(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1_048_576) {
            return (bytes + 512) / 1024 + " KB";
        }
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1_048_576.0);
    }
}
