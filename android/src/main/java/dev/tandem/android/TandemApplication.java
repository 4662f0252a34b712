package dev.tandem.android;

import android.app.Application;
import android.content.Context;
import dev.tandem.android.logs.AndroidLogProvider;
import dev.tandem.android.logs.AppLog;
import dev.tandem.android.logs.CrashRecorder;
import dev.tandem.android.logs.ExitHistory;
import dev.tandem.android.session.ActiveSession;
import dev.tandem.android.session.AppInFront;
import dev.tandem.android.session.SessionNotifications;
import java.io.File;

/**
 * Starts the app's log before anything logs (with a crash recorder and the reasons earlier runs
 * ended), the notification channels, and keeps the one {@link ActiveSession} for every screen.
 */
public final class TandemApplication extends Application {
    private static final long LOG_LIMIT_BYTES = 256 * 1024;

    private ActiveSession session;

    @Override
    public void onCreate() {
        super.onCreate();
        AppLog log = AppLog.in(new File(getFilesDir(), "logs"), LOG_LIMIT_BYTES);
        AndroidLogProvider.install(log);
        CrashRecorder.install(log);
        ExitHistory.record(this, log);
        new SessionNotifications(this).createChannels();
        AppInFront inFront = new AppInFront();
        registerActivityLifecycleCallbacks(inFront);
        session = ActiveSession.create(this, log, inFront);
    }

    /** The app's session, from any context of the app. */
    public static ActiveSession session(Context context) {
        return ((TandemApplication) context.getApplicationContext()).session;
    }
}
