package dev.tandem.android.logs;

import android.app.ActivityManager;
import android.app.ApplicationExitInfo;
import android.content.Context;
import android.content.SharedPreferences;
import android.os.Build;
import dev.tandem.android.SinceApi;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

/**
 * How the app's earlier processes ended, written into the app's log at start (Android 11+ keeps the
 * reasons: a crash, an ANR, the low-memory killer, the customer swiping it away). A native crash or
 * an ANR never reaches {@link CrashRecorder}; this is how the log files sent to the technician still
 * show it. Each exit is written once (the newest time written is remembered).
 */
public final class ExitHistory {
    static final int MAX_EXITS = 5;
    private static final String PREFERENCES = "exits";
    private static final String NEWEST = "newest";

    private ExitHistory() {
    }

    /** Writes the exits since the last call into {@code log}; how many it wrote (0 before Android 11). */
    public static int record(Context context, AppLog log) {
        return Build.VERSION.SDK_INT >= 30 ? recordExits(context, log) : 0;
    }

    @SinceApi(30)
    private static int recordExits(Context context, AppLog log) {
        ActivityManager activities = (ActivityManager) context.getSystemService(Context.ACTIVITY_SERVICE);
        List<ApplicationExitInfo> exits = activities.getHistoricalProcessExitReasons(context.getPackageName(), 0,
                MAX_EXITS);
        SharedPreferences seen = context.getSharedPreferences(PREFERENCES, Context.MODE_PRIVATE);
        long newest = seen.getLong(NEWEST, 0);
        long latest = newest;
        int written = 0;
        SimpleDateFormat time = new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT);
        time.setTimeZone(TimeZone.getTimeZone("UTC"));
        for (int i = exits.size() - 1; i >= 0; i--) { // oldest first
            ApplicationExitInfo exit = exits.get(i);
            if (exit.getTimestamp() <= newest) {
                continue;
            }
            String level = exit.getReason() == ApplicationExitInfo.REASON_CRASH
                    || exit.getReason() == ApplicationExitInfo.REASON_CRASH_NATIVE
                    || exit.getReason() == ApplicationExitInfo.REASON_ANR ? "E" : "I";
            log.write(level, "ExitHistory", "An earlier run ended at " + time.format(new Date(exit.getTimestamp()))
                    + ": " + reason(exit.getReason()) + (exit.getDescription() == null ? "" : " (" + exit.getDescription()
                    + ")") + ", importance " + exit.getImportance(), null);
            latest = Math.max(latest, exit.getTimestamp());
            written++;
        }
        seen.edit().putLong(NEWEST, latest).apply();
        return written;
    }

    /** Android's exit reason in words. */
    static String reason(int reason) {
        switch (reason) {
            case 4: // REASON_CRASH
                return "crash";
            case 5: // REASON_CRASH_NATIVE
                return "native crash";
            case 6: // REASON_ANR
                return "not responding (ANR)";
            case 3: // REASON_LOW_MEMORY
                return "closed by Android for memory";
            case 10: // REASON_USER_REQUESTED
                return "closed by the customer";
            case 11: // REASON_USER_STOPPED
                return "force-stopped by the customer";
            case 1: // REASON_EXIT_SELF
                return "ended itself";
            case 2: // REASON_SIGNALED
                return "killed by a signal";
            case 13: // REASON_OTHER
                return "closed by Android";
            default:
                return "reason " + reason;
        }
    }
}
