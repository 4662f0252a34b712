package dev.tandem.server.store;

import dev.tandem.server.domain.TranscriptEntry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit for the transcript: every chat line waiting to be stored is written by one thread,
 * together with the others that arrived meanwhile, in one transaction; a second thread then makes
 * the batch durable while the first goes on with the next; each caller returns once its own line is
 * durable.
 *
 * <p>Durable means: on PostgreSQL, committed (the commit waited for the write-ahead log); on the
 * embedded database with a file, in the {@link TranscriptJournal} and synced; on any other H2 URL,
 * after a sync of the database file ({@link Database#awaitDurable()}).
 *
 * <p>Why one writer: with one transaction per line, each taken on a pooled connection, 400 round
 * trips a second (800 lines) kept the connections busy; callers queued for a connection while
 * holding their session's monitor, so the phone's next message waited too. One writer with
 * batches does the same work in a few transactions a second and no caller waits for a connection.
 *
 * <p>A batch that fails for a reason other than an unavailable database (a line the store refuses)
 * is written again line by line, so one bad line costs only its own caller. Thread-safe.
 */
final class TranscriptWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TranscriptWriter.class);
    private static final Duration PATIENCE = Duration.ofSeconds(15);
    private static final int MAX_BATCH = 512;
    private final Jdbi jdbi;
    private final Database database;
    /** The journal on the embedded database with a file, or null. */
    private final TranscriptJournal journal;
    private final LinkedBlockingQueue<Line> waiting = new LinkedBlockingQueue<>();
    /** Lines committed, waiting for the disk sync that covers them. */
    private final LinkedBlockingQueue<Line> committed = new LinkedBlockingQueue<>();
    private final Thread worker;
    private final Thread syncer;
    private volatile boolean closed;

    /** One line and the caller waiting for it. */
    private record Line(StoredLine row, CompletableFuture<Void> stored) {
    }

    TranscriptWriter(Database database) {
        // Its own writes are made durable by the journal or by confirm(), not one sync per batch.
        this.jdbi = database.jdbiWithoutSync();
        this.database = database;
        this.journal = database.journalBase().map(base -> TranscriptJournal.open(base, jdbi, database::awaitDurable))
                .orElse(null);
        this.worker = new Thread(this::run, "tandem-transcript-writer");
        worker.setDaemon(true);
        this.syncer = new Thread(this::confirm, "tandem-transcript-sync");
        syncer.setDaemon(true);
        worker.start();
        syncer.start();
    }

    /** Stores {@code entry} and returns once it is on disk; see {@link MessageStore#appendDurably}. */
    void append(TranscriptEntry entry, Long cseq) {
        Line line = new Line(StoredLine.of(entry, cseq), new CompletableFuture<>());
        if (closed) {
            throw new Database.DatabaseUnavailableException("The server is stopping.", null);
        }
        waiting.add(line);
        try {
            line.stored().get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new Database.DatabaseUnavailableException("The database did not store the message in time.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Database.DatabaseUnavailableException("Interrupted while storing the message.", e);
        }
    }

    private void run() {
        List<Line> batch = new ArrayList<>();
        while (!closed || !waiting.isEmpty()) {
            try {
                Line first = waiting.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                waiting.drainTo(batch, MAX_BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                break;
            } catch (RuntimeException e) {
                // write() settles every line itself; this is a bug, and the callers must still hear.
                LOG.error("The transcript writer failed", e);
                batch.forEach(line -> line.stored().completeExceptionally(e));
            }
            batch.clear();
        }
        Line left;
        while ((left = waiting.poll()) != null) {
            left.stored().completeExceptionally(new Database.DatabaseUnavailableException("The server is stopping.", null));
        }
    }

    private void write(List<Line> batch) {
        try {
            jdbi.useTransaction(h -> {
                PreparedBatch insert = h.prepareBatch(StoredLine.INSERT);
                for (Line line : batch) {
                    line.row().bindTo(insert).add();
                }
                insert.execute();
            });
        } catch (RuntimeException e) {
            if (batch.size() > 1 && !Database.isUnavailable(e)) {
                for (Line line : batch) {
                    write(List.of(line));
                }
                return;
            }
            batch.forEach(line -> line.stored().completeExceptionally(e));
            return;
        }
        committed.addAll(batch);
    }

    /** Confirms committed lines once they are durable (journaled, or a sync that began after their commit ended). */
    private void confirm() {
        List<Line> lines = new ArrayList<>();
        while (!closed || !committed.isEmpty() || worker.isAlive()) {
            try {
                Line first = committed.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                lines.add(first);
                committed.drainTo(lines);
                makeDurable(lines);
                lines.forEach(line -> line.stored().complete(null));
            } catch (InterruptedException e) {
                break;
            } catch (RuntimeException e) {
                lines.forEach(line -> line.stored().completeExceptionally(e));
            }
            lines.clear();
        }
    }

    private void makeDurable(List<Line> lines) {
        if (journal == null) {
            database.awaitDurable();
            return;
        }
        try {
            journal.write(lines.stream().map(Line::row).toList());
        } catch (java.io.IOException e) {
            throw new Database.DatabaseUnavailableException("The transcript journal could not be written to disk: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            worker.join(5_000);
            syncer.join(5_000);
            if (journal != null) {
                journal.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
