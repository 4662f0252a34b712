package dev.tandem.android.logs;

/**
 * Writes an uncaught exception into the app's log before Android ends the process, so the log files
 * the customer sends after a restart still say what broke. Then the platform's own handler runs (the
 * crash dialog, the process ends) as without it. Thread-safe.
 */
public final class CrashRecorder implements Thread.UncaughtExceptionHandler {
    private final AppLog log;
    private final Thread.UncaughtExceptionHandler next;

    private CrashRecorder(AppLog log, Thread.UncaughtExceptionHandler next) {
        this.log = log;
        this.next = next;
    }

    /** Puts a recorder in front of the current default handler. */
    public static void install(AppLog log) {
        Thread.setDefaultUncaughtExceptionHandler(new CrashRecorder(log, Thread.getDefaultUncaughtExceptionHandler()));
    }

    @Override
    public void uncaughtException(Thread thread, Throwable failure) {
        try {
            log.write("E", "Crash", "The app crashed on thread " + thread.getName(), failure);
        } catch (RuntimeException ignored) {
            // Recording must never hide the crash itself.
        }
        if (next != null) {
            next.uncaughtException(thread, failure);
        }
    }
}
