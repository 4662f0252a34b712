package dev.tandem.server.store;

import java.time.Duration;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit for the embedded database. H2 keeps a committed transaction in memory and writes
 * its file in the background ({@code WRITE_DELAY}, see {@code ServerConfig.DatabaseSettings}), and
 * even then only the operating system's cache holds it until the file is synced; H2 never syncs on
 * commit. Whoever must not
 * acknowledge before the disk holds its commit calls {@link #await()}: one thread runs
 * {@code CHECKPOINT SYNC} (an fsync of the database file) for everybody who asked since the last
 * one, so a burst of commits costs one fsync, not one each.
 *
 * <p>Thread-safe.
 */
final class DiskSync implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DiskSync.class);
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private final Jdbi jdbi;
    private final Thread worker;
    /** How many waiters have asked so far; each asking gets the next number. */
    private long asked;
    /** Every waiter up to this number has had a sync tried for it. */
    private long attempted;
    /** Every waiter up to this number is on disk (a later sync also covers earlier writes). */
    private long synced;
    private RuntimeException failure;
    private boolean closed;

    DiskSync(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.worker = new Thread(this::run, "tandem-disk-sync");
        worker.setDaemon(true);
        worker.start();
    }

    /**
     * Returns once everything this thread committed before the call is on disk. Throws
     * {@link Database.DatabaseUnavailableException} when the sync failed or took too long.
     */
    void await() {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        synchronized (this) {
            long mine = ++asked;
            notifyAll();
            while (attempted < mine) {
                long left = deadline - System.nanoTime();
                if (closed || left <= 0) {
                    throw new Database.DatabaseUnavailableException("The database did not confirm its write to disk in time.", null);
                }
                try {
                    wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new Database.DatabaseUnavailableException("Interrupted while waiting for the disk.", e);
                }
            }
            if (synced < mine) {
                throw new Database.DatabaseUnavailableException("The database could not write to disk: "
                        + failure.getMessage(), failure);
            }
        }
    }

    private void run() {
        while (true) {
            long target;
            synchronized (this) {
                while (asked == attempted && !closed) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closed) {
                    return;
                }
                target = asked;
            }
            try {
                jdbi.useHandle(h -> h.execute("CHECKPOINT SYNC"));
                synchronized (this) {
                    synced = target;
                    attempted = target;
                    notifyAll();
                }
            } catch (RuntimeException e) {
                LOG.error("Syncing the database file failed; the writes waiting for it are refused", e);
                synchronized (this) {
                    failure = e;
                    attempted = target;
                    notifyAll();
                }
            }
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        try {
            worker.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
