package dev.tandem.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** What {@code grep -r} over a directory would find: the files whose bytes hold a text (UTF-8 or UTF-16). */
public final class StoredBytes {
    private final Path root;

    private StoredBytes(Path root) {
        this.root = root;
    }

    public static StoredBytes under(Path root) {
        return new StoredBytes(root);
    }

    /** Every regular file under the root whose content holds {@code text} in UTF-8 or UTF-16 (H2 strings). */
    public List<Path> containing(String text) {
        List<byte[]> needles = List.of(text.getBytes(StandardCharsets.UTF_8), text.getBytes(StandardCharsets.UTF_16BE),
                text.getBytes(StandardCharsets.UTF_16LE));
        List<Path> found = new ArrayList<>();
        try (Stream<Path> tree = Files.walk(root)) {
            for (Path file : (Iterable<Path>) tree.filter(Files::isRegularFile)::iterator) {
                byte[] bytes = Files.readAllBytes(file);
                if (needles.stream().anyMatch(needle -> indexOf(bytes, needle) >= 0)) {
                    found.add(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
