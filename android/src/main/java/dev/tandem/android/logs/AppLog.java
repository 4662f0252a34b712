package dev.tandem.android.logs;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.Locale;
import java.util.TimeZone;

/**
 * The app's log file, {@code tandem.log} in a directory of the app's own, kept under a size limit by
 * turning the full file into {@code tandem.log.1} (one generation). Lines are stamped in UTC.
 * Thread-safe: writes are serialised; a failed write is dropped (logging must never break the app).
 */
public final class AppLog {
    static final String FILE = "tandem.log";
    private static final String PREVIOUS = FILE + ".1";

    private final File dir;
    private final long limitBytes;
    private final SimpleDateFormat stamp = new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT);
    private OutputStream out;
    private long size;

    private AppLog(File dir, long limitBytes) {
        this.dir = dir;
        this.limitBytes = limitBytes;
        stamp.setTimeZone(TimeZone.getTimeZone("UTC"));
    }

    /** The log in {@code dir}, rolled over at {@code limitBytes}. */
    public static AppLog in(File dir, long limitBytes) {
        if (limitBytes < 1024) {
            throw new IllegalArgumentException("the log limit must be at least 1 KiB, got " + limitBytes);
        }
        return new AppLog(dir, limitBytes);
    }

    /** Appends one line: time, level, where from, the message and, when given, the failure. */
    public synchronized void write(String level, String tag, String message, Throwable failure) {
        StringBuilder line = new StringBuilder(96).append(stamp.format(new Date())).append(' ').append(level)
                .append(' ').append(tag).append(": ").append(message).append('\n');
        if (failure != null) {
            line.append("  ").append(failure).append('\n');
            for (StackTraceElement frame : failure.getStackTrace()) {
                line.append("    at ").append(frame).append('\n');
            }
        }
        byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
        try {
            if (out == null) {
                open();
            }
            if (size + bytes.length > limitBytes) {
                roll();
            }
            out.write(bytes);
            out.flush();
            size += bytes.length;
        } catch (IOException e) {
            close();
        }
    }

    /** The older file, then the current one: the whole log as it is now (at most twice the limit). */
    public synchronized byte[] contents() throws IOException {
        File previous = new File(dir, PREVIOUS);
        File current = new File(dir, FILE);
        byte[] older = previous.isFile() ? Files.readAllBytes(previous.toPath()) : new byte[0];
        byte[] newer = current.isFile() ? Files.readAllBytes(current.toPath()) : new byte[0];
        byte[] all = new byte[older.length + newer.length];
        System.arraycopy(older, 0, all, 0, older.length);
        System.arraycopy(newer, 0, all, older.length, newer.length);
        return all;
    }

    private void open() throws IOException {
        if (!dir.isDirectory() && !dir.mkdirs()) {
            throw new IOException("cannot create " + dir);
        }
        File current = new File(dir, FILE);
        out = new FileOutputStream(current, true);
        size = current.length();
    }

    private void roll() throws IOException {
        close();
        File current = new File(dir, FILE);
        File previous = new File(dir, PREVIOUS);
        if (previous.exists() && !previous.delete() || !current.renameTo(previous)) {
            throw new IOException("cannot roll " + current);
        }
        open();
    }

    private void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException ignored) {
                // the file is gone or the disk is full: nothing more to do for a log
            }
            out = null;
        }
    }
}
