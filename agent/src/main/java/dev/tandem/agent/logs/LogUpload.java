package dev.tandem.agent.logs;

import dev.tandem.protocol.Limits;
import dev.tandem.protocol.message.AgentMessage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.CRC32;

/**
 * One log file as the protocol uploads it (docs/protocol.md section 1.10): {@code logFile} with its
 * size and SHA-256, {@code logChunk}s of at most {@link Limits#LOG_CHUNK_BYTES} bytes each with a
 * CRC-32, then {@code logEnd}. Stateless.
 */
public final class LogUpload {
    private LogUpload() {
    }

    /** The messages that upload {@code file} as {@code upload} for the logs prompt {@code promptId}. */
    public static List<AgentMessage> messages(String promptId, String upload, LogFile file) {
        byte[] content = file.content();
        List<AgentMessage> messages = new ArrayList<>(content.length / Limits.LOG_CHUNK_BYTES + 3);
        messages.add(new AgentMessage.LogFile(promptId, upload, file.name(), content.length, sha256(content)));
        long index = 0;
        for (int at = 0; at < content.length; at += Limits.LOG_CHUNK_BYTES) {
            int length = Math.min(Limits.LOG_CHUNK_BYTES, content.length - at);
            CRC32 crc = new CRC32();
            crc.update(content, at, length);
            String data = new String(Base64.getEncoder().encode(java.util.Arrays.copyOfRange(content, at, at + length)),
                    StandardCharsets.US_ASCII);
            messages.add(new AgentMessage.LogChunk(upload, index++, data, crc.getValue()));
        }
        messages.add(new AgentMessage.LogEnd(upload));
        return messages;
    }

    /** Lower-case hex SHA-256 of {@code bytes}. */
    public static String sha256(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            StringBuilder hex = new StringBuilder(64);
            for (byte b : digest) {
                hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
