package dev.tandem.server.store;

import dev.tandem.server.domain.TranscriptEntry;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores chat lines durably: each caller inserts its own line (one short transaction), then waits
 * until it is durable, and durability is shared: on the embedded database with a file, one thread
 * appends every line committed meanwhile to the {@link TranscriptJournal} with one sync; on
 * PostgreSQL the commit itself waited for the write-ahead log; on any other H2 URL a grouped sync of
 * the database file ({@link Database#awaitDurable()}) follows.
 *
 * <p>Why callers insert for themselves: H2 no longer writes its file on each commit (the journal
 * makes lines durable), so an insert is short and the inserts of many sessions run side by side.
 * A single writer thread inserting for everybody had become the limit: on two busy cores it got
 * too little CPU and lines queued behind it for hundreds of milliseconds. A line the database
 * refuses costs only its own caller. Thread-safe.
 */
final class TranscriptWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TranscriptWriter.class);
    private static final Duration PATIENCE = Duration.ofSeconds(15);
    private final Jdbi jdbi;
    private final javax.sql.DataSource connections;
    private final Database database;
    /** The journal on the embedded database with a file, or null. */
    private final TranscriptJournal journal;
    /** Lines committed, waiting for the journal sync that covers them. */
    private final LinkedBlockingQueue<Line> committed = new LinkedBlockingQueue<>();
    /** The journal thread, with the journal only. */
    private final Thread syncer;
    private volatile boolean closed;

    /** One committed line and the caller waiting for it to be durable. */
    private record Line(StoredLine row, CompletableFuture<Void> durable) {
    }

    TranscriptWriter(Database database) {
        // Its own writes are made durable by the journal, not by one sync of the database file each.
        this.jdbi = database.jdbiWithoutSync();
        this.connections = database.connectionsWithoutSync();
        this.database = database;
        this.journal = database.journalBase().map(base -> TranscriptJournal.open(base, jdbi, database::awaitDurable))
                .orElse(null);
        this.syncer = journal == null ? null : new Thread(this::journalLines, "tandem-transcript-journal");
        if (syncer != null) {
            syncer.setDaemon(true);
            syncer.start();
        }
    }

    /**
     * Stores {@code entry} and returns once it is durable; see {@link MessageStore#appendDurably}.
     * With an {@code epoch} (above 0: a node of a cluster) the session's row is locked and its epoch
     * checked in the same transaction, so a node that another one replaced as the session's owner
     * writes nothing ({@link SessionTakenOverException}); the node taking over waits for the lock.
     */
    void append(TranscriptEntry entry, Long cseq, long epoch) {
        if (closed) {
            throw new Database.DatabaseUnavailableException("The server is stopping.", null);
        }
        StoredLine row = StoredLine.of(entry, cseq);
        if (epoch > 0) {
            jdbi.useTransaction(h -> {
                long current = h.createQuery("SELECT owner_epoch FROM support_sessions WHERE id = :s FOR UPDATE")
                        .bind("s", entry.sessionId()).mapTo(Long.class).findOne().orElse(-1L);
                if (current != epoch) {
                    throw new SessionTakenOverException(entry.sessionId());
                }
                row.bindTo(h.createUpdate(StoredLine.INSERT)).execute();
            });
        } else {
            insert(row);
        }
        if (journal == null) {
            database.awaitDurable();
            return;
        }
        Line line = new Line(row, new CompletableFuture<>());
        committed.add(line);
        try {
            line.durable().get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new Database.DatabaseUnavailableException("The disk did not confirm the message in time.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Database.DatabaseUnavailableException("Interrupted while storing the message.", e);
        }
    }

    /**
     * One line in its own short transaction, with plain JDBC: this runs twice per chat round trip,
     * and Jdbi's handle and statement machinery around the insert cost about a third as much CPU as
     * the insert itself (profiled at 400 round trips/s).
     */
    private void insert(StoredLine row) {
        try (Connection connection = connections.getConnection();
             PreparedStatement insert = connection.prepareStatement(StoredLine.INSERT_POSITIONAL)) {
            row.bindTo(insert);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new TranscriptLineNotStored(e);
        }
    }

    /** The database refused a line or could not be reached; the cause says which. */
    static final class TranscriptLineNotStored extends RuntimeException {
        TranscriptLineNotStored(SQLException cause) {
            super("The transcript line was not stored: " + cause.getMessage(), cause);
        }
    }

    /** The journal thread: every line committed since the last sync goes into the next one. */
    private void journalLines() {
        List<Line> lines = new ArrayList<>();
        while (!closed || !committed.isEmpty()) {
            try {
                Line first = committed.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                lines.add(first);
                committed.drainTo(lines);
                journal.write(lines.stream().map(Line::row).toList());
                lines.forEach(line -> line.durable().complete(null));
            } catch (InterruptedException e) {
                break;
            } catch (IOException | RuntimeException e) {
                LOG.error("The transcript journal could not be written; the lines waiting for it are refused", e);
                RuntimeException refusal = new Database.DatabaseUnavailableException(
                        "The message could not be written to disk.", e);
                lines.forEach(line -> line.durable().completeExceptionally(refusal));
            }
            lines.clear();
        }
        Line left;
        while ((left = committed.poll()) != null) {
            left.durable().completeExceptionally(new Database.DatabaseUnavailableException("The server is stopping.", null));
        }
    }

    @Override
    public void close() {
        closed = true;
        if (journal == null) {
            return;
        }
        try {
            syncer.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        journal.close();
    }
}
