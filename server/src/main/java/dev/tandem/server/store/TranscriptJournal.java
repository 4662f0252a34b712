package dev.tandem.server.store;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transcript's write-ahead journal on the embedded database: chat lines are appended to a small
 * file and synced to disk ({@code fdatasync}) before they are acknowledged, while H2 keeps its own
 * file in memory and writes it in the background.
 *
 * <p>Why: acknowledging only after H2's own file was synced meant writing H2's changed B-tree pages
 * for every batch (dozens of 4 KB pages when 200 sessions chat at once) and syncing them; that work
 * on one thread capped the chat near 400 round trips a second on two cores. A journal record is a
 * few hundred bytes and its sync is cheap.
 *
 * <p>Files are written full of zeros before use (the next one in the background), as PostgreSQL
 * does with its log segments: appending inside a file of fixed length lets {@code fdatasync} write
 * only the new bytes, while a growing file makes every sync commit the file system's own journal
 * too, which waits for whatever else the machine is writing.
 *
 * <p>Every line is committed to H2 before it is journaled, so the journal never holds a line the
 * database refused. Files rotate every few seconds; an old file is deleted once a sync of H2's file
 * that began after the rotation has finished (everything in it is then in H2 on disk). At start,
 * whatever the files still hold and H2 does not (a killed server, a power cut) is inserted again,
 * before any session resumes, so no acknowledged line and no {@code seq} is lost. A record whose
 * checksum fails ends a file: it was being written when the server died, and never acknowledged.
 *
 * <p>{@link #write} is called by one thread (the transcript writer's).
 */
final class TranscriptJournal implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TranscriptJournal.class);
    /** Each file is this long from the start (zeros), so a sync writes data, not the file's new length. */
    private static final int FILE_BYTES = 1 << 20;
    private static final Duration ROTATE_AFTER = Duration.ofSeconds(5);
    private static final int MAX_RECORD = 1 << 20;
    private static final int REPLAY_BATCH = 500;

    private final Path directory;
    private final String prefix;
    private final Pattern name;
    private final Runnable awaitDatabaseOnDisk;
    private final ExecutorService retirer = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "tandem-journal-retirer");
        thread.setDaemon(true);
        return thread;
    });
    private FileChannel file;
    private Path current;
    /** The next file, being prepared in the background. */
    private java.util.concurrent.Future<Path> spare;
    private long number;
    private long size;
    private long openedAt;

    private TranscriptJournal(Path base, Runnable awaitDatabaseOnDisk) {
        this.directory = base.toAbsolutePath().getParent();
        this.prefix = base.getFileName() + ".transcript-";
        this.name = Pattern.compile(Pattern.quote(prefix) + "(\\d+)\\.journal");
        this.awaitDatabaseOnDisk = awaitDatabaseOnDisk;
    }

    /**
     * Replays what earlier runs journaled and H2 lost into {@code jdbi} (which must not wait for
     * disk syncs itself), then opens a new journal file beside {@code base}, the database's files.
     */
    static TranscriptJournal open(Path base, Jdbi jdbi, Runnable awaitDatabaseOnDisk) {
        TranscriptJournal journal = new TranscriptJournal(base, awaitDatabaseOnDisk);
        try {
            journal.recover(jdbi);
            journal.startFile();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot use the transcript journal in " + journal.directory, e);
        }
        return journal;
    }

    /** Appends {@code lines} and returns once they are on disk. */
    void write(List<StoredLine> lines) throws IOException {
        if (size > 0 && (size >= FILE_BYTES || System.nanoTime() - openedAt >= ROTATE_AFTER.toNanos())) {
            rotate();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 * lines.size());
        DataOutputStream out = new DataOutputStream(bytes);
        for (StoredLine line : lines) {
            byte[] record = encode(line);
            CRC32C crc = new CRC32C();
            crc.update(record);
            out.writeInt(record.length);
            out.writeInt((int) crc.getValue());
            out.write(record);
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes.toByteArray());
        try {
            while (buffer.hasRemaining()) {
                size += file.write(buffer);
            }
            file.force(false);
        } catch (IOException e) {
            // The file may end in half a record now: later lines go to a new file, so that the ones
            // before the damage stay readable and later ones are not hidden behind it.
            try {
                rotate();
            } catch (IOException again) {
                e.addSuppressed(again);
            }
            throw e;
        }
    }

    private void rotate() throws IOException {
        FileChannel old = file;
        Path oldPath = current;
        startFile();
        old.close();
        // Every line in the old file was committed to H2 before it was journaled: a sync that
        // starts now puts them all in H2's file on disk, and the old file is no longer needed.
        retirer.execute(() -> retire(oldPath));
    }

    private void retire(Path old) {
        try {
            awaitDatabaseOnDisk.run();
            Files.deleteIfExists(old);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Kept the transcript journal {}: the database file could not be synced ({}); it is replayed "
                    + "at the next start", old.getFileName(), e.getMessage());
        }
    }

    private void startFile() throws IOException {
        number++;
        Path next = fileNumber(number);
        java.util.concurrent.Future<Path> prepared = spare;
        spare = null;
        boolean ready = false;
        if (prepared != null) {
            try {
                ready = next.equals(prepared.get());
            } catch (java.util.concurrent.ExecutionException e) {
                LOG.debug("The next journal file could not be prepared ahead", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (!ready) {
            prepare(next);
        }
        file = FileChannel.open(next, StandardOpenOption.WRITE);
        current = next;
        size = 0;
        openedAt = System.nanoTime();
        long following = number + 1;
        spare = retirer.submit(() -> prepare(fileNumber(following)));
    }

    private Path fileNumber(long n) {
        return directory.resolve(prefix + String.format("%08d", n) + ".journal");
    }

    /** Writes {@code path} full of zeros and syncs it and its name, so that it is ready for appending. */
    private Path prepare(Path path) throws IOException {
        try (FileChannel channel = PrivateFiles.createChannel(path)) {
            ByteBuffer zeros = ByteBuffer.allocate(64 * 1024);
            for (long written = 0; written < FILE_BYTES; ) {
                zeros.clear();
                written += channel.write(zeros);
            }
            channel.force(true);
        }
        // The new file's name must survive a power cut too, or its lines would not be found.
        syncDirectory();
        return path;
    }

    private void syncDirectory() {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // Some file systems cannot open a directory for syncing; the file's own sync still holds.
            LOG.debug("Could not sync the directory {}", directory, e);
        }
    }

    private void recover(Jdbi jdbi) throws IOException {
        List<Path> files = existingFiles();
        long replayed = 0;
        for (Path path : files) {
            replayed += replay(jdbi, read(path));
        }
        if (!files.isEmpty()) {
            awaitDatabaseOnDisk.run();
            for (Path path : files) {
                Files.delete(path);
            }
        }
        if (replayed > 0) {
            LOG.info("Restored {} chat lines from the transcript journal that the database had not written", replayed);
        }
    }

    private List<Path> existingFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> listing = Files.list(directory)) {
            listing.forEach(path -> {
                Matcher m = name.matcher(path.getFileName().toString());
                if (m.matches()) {
                    files.add(path);
                    number = Math.max(number, Long.parseLong(m.group(1)));
                }
            });
        }
        files.sort(null);
        return files;
    }

    /** The intact records of {@code path}, up to the first torn or damaged one. */
    static List<StoredLine> read(Path path) throws IOException {
        List<StoredLine> lines = new ArrayList<>();
        try (InputStream stream = Files.newInputStream(path);
             DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(stream))) {
            while (true) {
                int length;
                int expected;
                byte[] record;
                try {
                    length = in.readInt();
                    expected = in.readInt();
                    if (length <= 0 || length > MAX_RECORD) {
                        break;
                    }
                    record = in.readNBytes(length);
                } catch (EOFException e) {
                    break;
                }
                CRC32C crc = new CRC32C();
                crc.update(record);
                if (record.length != length || (int) crc.getValue() != expected) {
                    break;
                }
                lines.add(decode(record));
            }
        }
        return lines;
    }

    private static long replay(Jdbi jdbi, List<StoredLine> lines) {
        java.util.Map<String, Boolean> kept = new java.util.HashMap<>();
        long inserted = 0;
        for (int from = 0; from < lines.size(); from += REPLAY_BATCH) {
            List<StoredLine> batch = lines.subList(from, Math.min(lines.size(), from + REPLAY_BATCH));
            inserted += jdbi.inTransaction(h -> {
                long n = 0;
                for (StoredLine line : batch) {
                    boolean present = h.createQuery("SELECT COUNT(*) FROM messages WHERE session_id = :s AND seq = :q")
                            .bind("s", line.session()).bind("q", line.seq()).mapTo(Long.class).one() > 0;
                    // A session whose transcript retention removed since stays removed (asked once per session).
                    boolean keep = kept.computeIfAbsent(line.session(), session -> h.createQuery(
                                    "SELECT COUNT(*) FROM support_sessions WHERE id = :s AND transcript_removed_at IS NULL")
                            .bind("s", session).mapTo(Long.class).one() > 0);
                    if (!present && keep) {
                        line.bindTo(h.createUpdate(StoredLine.INSERT)).execute();
                        n++;
                    }
                }
                return n;
            });
        }
        return inserted;
    }

    private static byte[] encode(StoredLine line) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128 + line.body().length());
        DataOutputStream out = new DataOutputStream(bytes);
        text(out, line.session());
        out.writeLong(line.seq());
        text(out, line.sender());
        text(out, line.name());
        text(out, line.body());
        out.writeBoolean(line.cseq() != null);
        out.writeLong(line.cseq() == null ? 0 : line.cseq());
        out.writeLong(line.at().getEpochSecond());
        out.writeInt(line.at().getNano());
        text(out, line.eventKey());
        text(out, line.eventParams());
        return bytes.toByteArray();
    }

    private static StoredLine decode(byte[] record) throws IOException {
        DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(record));
        String session = text(in);
        long seq = in.readLong();
        String sender = text(in);
        String name = text(in);
        String body = text(in);
        boolean hasCseq = in.readBoolean();
        long cseq = in.readLong();
        Instant at = Instant.ofEpochSecond(in.readLong(), in.readInt());
        return new StoredLine(session, seq, sender, name, body, hasCseq ? cseq : null, at, text(in), text(in));
    }

    private static void text(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String text(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    /**
     * Closes the current file and, once the database file is synced, deletes it (a clean stop leaves
     * nothing to replay). Called after the last {@link #write}.
     */
    @Override
    public void close() {
        retirer.shutdown();
        try {
            retirer.awaitTermination(10, TimeUnit.SECONDS);
            file.close();
        } catch (IOException e) {
            LOG.warn("Closing the transcript journal failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        retire(current);
        try {
            Files.deleteIfExists(fileNumber(number + 1));
        } catch (IOException e) {
            LOG.debug("Could not delete the spare journal file", e);
        }
    }
}
