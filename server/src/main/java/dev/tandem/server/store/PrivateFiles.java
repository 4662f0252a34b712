package dev.tandem.server.store;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Files under {@code --data} are the server's alone: directories {@code 0700}, files {@code 0600}.
 * What Tandem writes itself is created that way; what a library creates (H2's database file) is
 * tightened by {@link #tighten}, and the {@code 0700} data directory already keeps others out of it
 * in between. On a file system without POSIX permissions these calls only create. Thread-safe.
 */
public final class PrivateFiles {
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private PrivateFiles() {
    }

    /** Creates {@code dir} and its missing parents under the data directory as {@code 0700}. */
    public static Path directory(Path dir) {
        try {
            if (!Files.isDirectory(dir)) {
                Path parent = dir.toAbsolutePath().getParent();
                if (parent != null && !Files.isDirectory(parent)) {
                    directory(parent);
                }
                Files.createDirectories(dir, directoryAttributes());
            }
            restrict(dir, DIRECTORY);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the directory " + dir, e);
        }
    }

    /** Opens {@code file} for writing (created or truncated) with mode {@code 0600}. */
    public static OutputStream newFile(Path file) throws IOException {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            Files.createFile(file, fileAttributes());
        }
        restrict(file, FILE);
        return Files.newOutputStream(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    }

    /** Creates {@code file}, which must not exist yet, with mode {@code 0600} and opens it for writing. */
    public static java.nio.channels.FileChannel createChannel(Path file) throws IOException {
        return java.nio.channels.FileChannel.open(file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                fileAttributes());
    }

    /** Writes {@code bytes} to {@code file} with mode {@code 0600}. */
    public static void write(Path file, byte[] bytes) throws IOException {
        try (OutputStream out = newFile(file)) {
            out.write(bytes);
        }
    }

    /**
     * Sets every directory under {@code root} (itself included) to {@code 0700} and every file to
     * {@code 0600}: older installations and files a library created with the process's umask.
     */
    public static void tighten(Path root) {
        if (!POSIX || !Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(root)) {
            for (Path path : (Iterable<Path>) tree::iterator) {
                if (Files.isSymbolicLink(path)) {
                    continue;
                }
                restrict(path, Files.isDirectory(path) ? DIRECTORY : FILE);
            }
        } catch (IOException | UncheckedIOException e) {
            // A file removed while walking (an upload's .part) is no reason to refuse to start.
        }
    }

    private static void restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
        if (POSIX && !Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS).equals(permissions)) {
            Files.setPosixFilePermissions(path, permissions);
        }
    }

    private static FileAttribute<?>[] directoryAttributes() {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(DIRECTORY)} : new FileAttribute<?>[0];
    }

    private static FileAttribute<?>[] fileAttributes() {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)} : new FileAttribute<?>[0];
    }
}
