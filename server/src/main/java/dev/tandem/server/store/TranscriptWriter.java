package dev.tandem.server.store;

import dev.tandem.server.domain.TranscriptEntry;
import dev.tandem.server.i18n.Phrase;
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
 * together with the others that arrived meanwhile, in one transaction followed by one disk sync;
 * each caller returns once its own line is durable.
 *
 * <p>Why: with one transaction (and one sync) per line, each taken on a pooled connection, 400
 * round trips a second (800 lines) kept the eight connections of the embedded database busy;
 * callers queued for a connection while holding their session's monitor, so the phone's next
 * message waited too, and p99 went from tens of milliseconds to over a second. One writer with
 * batches does the same work in a few transactions a second and no caller waits for a connection.
 *
 * <p>The disk sync runs on a second thread ({@code tandem-transcript-sync}) while the writer goes
 * on with the next batch: one sync covers every batch committed before it began, so a slow disk
 * makes batches larger rather than callers wait for one sync after another.
 *
 * <p>A batch that fails for a reason other than an unavailable database (a line the store refuses)
 * is written again line by line, so one bad line costs only its own caller. Thread-safe.
 */
final class TranscriptWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TranscriptWriter.class);
    private static final Duration PATIENCE = Duration.ofSeconds(15);
    private static final int MAX_BATCH = 512;
    static final String INSERT = "INSERT INTO messages (session_id, seq, sender, name, body, cseq, at, event_key,"
            + " event_params) VALUES (:session, :seq, :sender, :name, :body, :cseq, :at, :eventKey, :eventParams)";
    private final Jdbi jdbi;
    private final Database database;
    private final LinkedBlockingQueue<Line> waiting = new LinkedBlockingQueue<>();
    /** Lines committed, waiting for the disk sync that covers them. */
    private final LinkedBlockingQueue<Line> committed = new LinkedBlockingQueue<>();
    private final Thread worker;
    private final Thread syncer;
    private volatile boolean closed;

    /** One line and the caller waiting for it. */
    private record Line(TranscriptEntry entry, Long cseq, CompletableFuture<Void> stored) {
    }

    TranscriptWriter(Database database) {
        this.jdbi = database.jdbi();
        this.database = database;
        this.worker = new Thread(this::run, "tandem-transcript-writer");
        worker.setDaemon(true);
        this.syncer = new Thread(this::confirm, "tandem-transcript-sync");
        syncer.setDaemon(true);
        worker.start();
        syncer.start();
    }

    /** Stores {@code entry} and returns once it is on disk; see {@link MessageStore#appendDurably}. */
    void append(TranscriptEntry entry, Long cseq) {
        Line line = new Line(entry, cseq, new CompletableFuture<>());
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
                PreparedBatch insert = h.prepareBatch(INSERT);
                for (Line line : batch) {
                    TranscriptEntry entry = line.entry();
                    Phrase event = entry.event();
                    insert.bind("session", entry.sessionId()).bind("seq", entry.seq())
                            .bind("sender", entry.sender().wireName()).bind("name", entry.name())
                            .bind("body", entry.text()).bind("cseq", line.cseq()).bind("at", entry.at())
                            .bind("eventKey", event == null ? null : event.key())
                            .bind("eventParams", event == null ? null : event.paramsJson()).add();
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

    /** Confirms committed lines once a disk sync that began after their commit has finished. */
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
                database.awaitDurable();
                lines.forEach(line -> line.stored().complete(null));
            } catch (InterruptedException e) {
                break;
            } catch (RuntimeException e) {
                lines.forEach(line -> line.stored().completeExceptionally(e));
            }
            lines.clear();
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            worker.join(5_000);
            syncer.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
