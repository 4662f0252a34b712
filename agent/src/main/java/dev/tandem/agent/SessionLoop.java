package dev.tandem.agent;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread a session's state lives on: a single-threaded scheduled executor with a daemon
 * thread. Work handed to it after it was shut down is dropped quietly (the session is over), and a
 * task that throws is logged instead of silently swallowed by the executor. Thread-safe.
 */
final class SessionLoop {
    private static final Logger log = LoggerFactory.getLogger(SessionLoop.class);

    private final ScheduledThreadPoolExecutor executor;
    private volatile Thread thread;

    SessionLoop(String threadName) {
        executor = new ScheduledThreadPoolExecutor(1, task -> {
            Thread created = new Thread(task, threadName);
            created.setDaemon(true);
            thread = created;
            return created;
        });
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
    }

    boolean isCurrentThread() {
        return Thread.currentThread() == thread;
    }

    void post(Runnable task) {
        try {
            executor.execute(() -> guarded(task));
        } catch (RejectedExecutionException e) {
            log.debug("The session is over; a late event was dropped");
        }
    }

    /** Runs {@code task} after {@code delay}; null when the loop is shut down. */
    ScheduledFuture<?> schedule(Runnable task, Duration delay) {
        try {
            return executor.schedule(() -> guarded(task), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            return null;
        }
    }

    /** Runs {@code task} every {@code period}, first after one period; null when the loop is shut down. */
    ScheduledFuture<?> every(Runnable task, Duration period) {
        try {
            long millis = Math.max(1, period.toMillis());
            return executor.scheduleWithFixedDelay(() -> guarded(task), millis, millis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            return null;
        }
    }

    /**
     * Runs {@code task} on the loop and waits for its result (inline when already on the loop), or
     * returns {@code whenOver} when the loop is shut down or the caller is interrupted.
     */
    <T> T call(Supplier<T> task, T whenOver) {
        if (isCurrentThread()) {
            return task.get();
        }
        try {
            return executor.submit(task::get).get();
        } catch (RejectedExecutionException e) {
            return whenOver;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return whenOver;
        } catch (ExecutionException e) {
            throw new IllegalStateException("A session task failed", e.getCause());
        }
    }

    /** Tasks already posted still run; scheduled ones are dropped; the thread ends after the last one. */
    void shutdown() {
        executor.shutdown();
    }

    /** {@link #shutdown()}, then waits up to {@code timeout} for the thread to end. */
    void shutdownAndWait(Duration timeout) {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    static void cancel(ScheduledFuture<?> future) {
        if (future != null) {
            future.cancel(false);
        }
    }

    private static void guarded(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            log.error("A session task failed", e);
        }
    }
}
