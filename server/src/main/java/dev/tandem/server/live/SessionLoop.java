package dev.tandem.server.live;

import dev.tandem.protocol.ProtocolException;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One live session's owner: every change of a {@link LiveSession}'s state runs here, one task at a
 * time and in the order given, on a thread borrowed from a shared pool — the server's version of
 * the phone's {@code AgentSession} loop. No lock guards a session: its state is only touched by the
 * task that runs, and database writes happen in that task without any lock held.
 *
 * <p>A caller outside the loop that needs the answer ({@link #call}) queues its task and waits; a
 * task already on this loop that calls again runs at once (it owns the state already). A task must
 * never wait for another session's loop, so two loops can never wait for each other.
 * Thread-safe.
 */
final class SessionLoop implements Executor {
    private static final Logger LOG = LoggerFactory.getLogger(SessionLoop.class);
    /** Tasks run before the thread goes back to the pool, so a busy session does not hold it forever. */
    private static final int BATCH = 64;
    private final Executor threads;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile Thread runner;

    SessionLoop(Executor threads) {
        this.threads = threads;
    }

    /** The pool the loops borrow threads from: daemon threads, named for thread dumps, idle ones let go. */
    static ExecutorService threads() {
        AtomicInteger next = new AtomicInteger();
        return Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "session-loop-" + next.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** A step that may refuse with a {@link ProtocolException} (a phone's frame). */
    interface Step<T> {
        T run() throws ProtocolException;
    }

    /** Queues {@code task} and returns at once. */
    @Override
    public void execute(Runnable task) {
        tasks.add(task);
        schedule();
    }

    /** Runs {@code work} on the loop and waits for it; its exception is thrown here. */
    <T> T call(Supplier<T> work) {
        try {
            return callRefusing(work::get);
        } catch (ProtocolException e) {
            throw new IllegalStateException(e);
        }
    }

    void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    /** As {@link #call}, for steps that refuse a phone's frame. */
    <T> T callRefusing(Step<T> work) throws ProtocolException {
        if (runner == Thread.currentThread()) {
            return work.run();
        }
        CompletableFuture<T> answer = new CompletableFuture<>();
        execute(() -> {
            try {
                answer.complete(work.run());
            } catch (Throwable e) {
                answer.completeExceptionally(e);
            }
        });
        try {
            return answer.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ProtocolException refused) {
                throw refused;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** True on the thread running this loop's task now. */
    boolean owns() {
        return runner == Thread.currentThread();
    }

    private void schedule() {
        if (scheduled.compareAndSet(false, true)) {
            threads.execute(this::drain);
        }
    }

    private void drain() {
        runner = Thread.currentThread();
        try {
            for (int i = 0; i < BATCH; i++) {
                Runnable task = tasks.poll();
                if (task == null) {
                    break;
                }
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.error("A session task failed", e);
                }
            }
        } finally {
            runner = null;
            scheduled.set(false);
            if (!tasks.isEmpty()) {
                schedule();
            }
        }
    }
}
