package dev.tandem.device;

import dev.tandem.agent.files.FileSaver;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The virtual phone's Downloads: a directory ({@code tandem device --downloads DIR}) where files the
 * customer accepted are saved, as the Android app saves them into MediaStore.Downloads. A name that
 * is taken gets " (1)", " (2)", ... before its extension, as Android does; nothing is overwritten.
 * Thread-safe (the file system decides who gets a name).
 */
public final class DownloadsFolder implements FileSaver {
    private final Path directory;

    public DownloadsFolder(Path directory) {
        this.directory = directory.toAbsolutePath();
    }

    @Override
    public String save(String name, byte[] content) throws IOException {
        Files.createDirectories(directory);
        String plain = Path.of(name).getFileName().toString();
        int dot = plain.lastIndexOf('.');
        String stem = dot > 0 ? plain.substring(0, dot) : plain;
        String extension = dot > 0 ? plain.substring(dot) : "";
        for (int n = 0; n < 1000; n++) {
            Path target = directory.resolve(n == 0 ? plain : stem + " (" + n + ")" + extension);
            try {
                Files.write(target, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                return target.toString();
            } catch (FileAlreadyExistsException taken) {
                // try the next name
            }
        }
        throw new IOException("Downloads already holds 1000 files named like " + plain + ".");
    }
}
