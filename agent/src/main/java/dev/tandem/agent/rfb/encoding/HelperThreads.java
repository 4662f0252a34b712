package dev.tandem.agent.rfb.encoding;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Second threads for the encoders: a big update (a closing notification shade repaints two thirds of
 * a full-size screen) is split between the viewer's own thread and one of these, so it reaches the
 * viewer sooner on a phone's many cores; smaller updates stay on one thread, which costs less CPU.
 * Daemons, shared by all viewers, created when needed and gone after a minute without work.
 * Thread-safe.
 */
final class HelperThreads {
    private static final AtomicInteger COUNT = new AtomicInteger();
    /** Read once: in a container the JVM asks the cgroup files every time. */
    private static final boolean SECOND_CORE = Runtime.getRuntime().availableProcessors() > 1;
    private static final ExecutorService POOL = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "rfb-encode-helper-" + COUNT.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    private HelperThreads() {
    }

    /** Whether a second thread can help: with one core it would only take turns with the first. */
    static boolean available() {
        return SECOND_CORE;
    }

    /** Starts {@code task} on a helper; {@link #await} its end before touching what it touches. */
    static Future<?> start(Runnable task) {
        return POOL.submit(task);
    }

    /**
     * Waits for {@code task} to end, also when this thread is interrupted (the interrupt is kept for
     * later), and throws what the task threw.
     */
    static void await(Future<?> task) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    task.get();
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof Error) {
                        throw (Error) cause;
                    }
                    throw cause instanceof RuntimeException ? (RuntimeException) cause
                            : new IllegalStateException("an encoder's helper thread failed", cause);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
