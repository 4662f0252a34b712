package dev.tandem.agent.files;

import java.io.IOException;

/**
 * Where an accepted file goes: the Android app's Downloads (MediaStore), a directory for
 * {@code ./tandem device}. Called once per file, with its whole verified bytes, on a worker thread.
 */
public interface FileSaver {
    /**
     * Saves {@code content} as {@code name} (a plain file name; the saver picks another name when it
     * is taken) and answers where it went, for the customer to read (a path or a content URI).
     */
    String save(String name, byte[] content) throws IOException;
}
