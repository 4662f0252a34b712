package dev.tandem.device;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A picture the phone shows as its screen instead of its own home screen (for tests and
 * benchmarks). Only checked here: the file exists and is a PNG or a JPEG by its first bytes;
 * the screen renderer reads it.
 */
public record ScreenImage(Path path, Format format) {

    /** The picture formats the phone can show. */
    public enum Format { PNG, JPEG }

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] JPEG_SIGNATURE = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};

    /**
     * Checks {@code path} and tells its format.
     *
     * @throws IllegalArgumentException with a sentence saying what is wrong with the file
     */
    public static ScreenImage open(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("The screen image " + path + " does not exist or is not a file.");
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(path)) {
            head = in.readNBytes(PNG_SIGNATURE.length);
        } catch (IOException e) {
            throw new IllegalArgumentException("The screen image " + path + " cannot be read: " + e.getMessage());
        }
        if (startsWith(head, PNG_SIGNATURE)) {
            return new ScreenImage(path, Format.PNG);
        }
        if (startsWith(head, JPEG_SIGNATURE)) {
            return new ScreenImage(path, Format.JPEG);
        }
        throw new IllegalArgumentException("The screen image " + path + " is neither a PNG nor a JPEG picture.");
    }

    private static boolean startsWith(byte[] head, byte[] signature) {
        return head.length >= signature.length && Arrays.equals(head, 0, signature.length, signature, 0, signature.length);
    }
}
