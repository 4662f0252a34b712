package dev.tandem.android;

import android.app.Application;
import android.content.Context;
import dev.tandem.android.logs.AndroidLogProvider;
import dev.tandem.android.logs.AppLog;
import dev.tandem.android.session.ActiveSession;
import java.io.File;

/** Starts the app's log before anything logs, and keeps the one {@link ActiveSession} for every screen. */
public final class TandemApplication extends Application {
    private static final long LOG_LIMIT_BYTES = 256 * 1024;

    private ActiveSession session;

    @Override
    public void onCreate() {
        super.onCreate();
        AppLog log = AppLog.in(new File(getFilesDir(), "logs"), LOG_LIMIT_BYTES);
        AndroidLogProvider.install(log);
        session = ActiveSession.create(this, log);
    }

    /** The app's session, from any context of the app. */
    public static ActiveSession session(Context context) {
        return ((TandemApplication) context.getApplicationContext()).session;
    }
}
