package dev.tandem.android.logs;

import android.os.Process;
import dev.tandem.agent.logs.LogFile;
import dev.tandem.agent.logs.LogSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The log files the technician gets when the customer agrees: the app's own {@link AppLog}
 * ({@code tandem.log}) and this process's logcat lines ({@code logcat.txt}, from {@code logcat -d
 * --pid}; since Android 4.1 an app may read only its own). Each is capped at {@link #MAX_BYTES},
 * keeping the newest end. Thread-safe.
 */
public final class PhoneLogs implements LogSource {
    static final int MAX_BYTES = 512 * 1024;
    private static final long LOGCAT_TIMEOUT_SECONDS = 5;

    private final AppLog appLog;

    public PhoneLogs(AppLog appLog) {
        this.appLog = appLog;
    }

    @Override
    public List<LogFile> collect() throws IOException {
        List<LogFile> files = new ArrayList<>(2);
        files.add(new LogFile(AppLog.FILE, newest(appLog.contents())));
        byte[] logcat = logcat();
        if (logcat.length > 0) {
            files.add(new LogFile("logcat.txt", newest(logcat)));
        }
        return files;
    }

    /** The newest {@link #MAX_BYTES} of {@code bytes}. */
    static byte[] newest(byte[] bytes) {
        if (bytes.length <= MAX_BYTES) {
            return bytes;
        }
        byte[] tail = new byte[MAX_BYTES];
        System.arraycopy(bytes, bytes.length - MAX_BYTES, tail, 0, MAX_BYTES);
        return tail;
    }

    private static byte[] logcat() {
        java.lang.Process logcat = null;
        try {
            logcat = new ProcessBuilder("logcat", "-d", "-v", "threadtime", "--pid=" + Process.myPid())
                    .redirectErrorStream(true).start();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (InputStream in = logcat.getInputStream()) {
                byte[] chunk = new byte[8192];
                for (int n; (n = in.read(chunk)) > 0; ) {
                    out.write(chunk, 0, n);
                }
            }
            logcat.waitFor(LOGCAT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return out.toByteArray();
        } catch (IOException e) {
            // No logcat binary (e.g. a test runtime): the app's own log still goes.
            return new byte[0];
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new byte[0];
        } finally {
            if (logcat != null) {
                logcat.destroy();
            }
        }
    }
}
