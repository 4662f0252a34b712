package dev.tandem.android.logs;

import android.util.Log;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.AbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * One SLF4J logger of the agent or the app: INFO and above go to logcat and the {@link AppLog};
 * DEBUG goes to logcat only, and only when {@code adb shell setprop log.tag.Tandem DEBUG} says so.
 * Thread-safe.
 */
final class AndroidLogger extends AbstractLogger {
    static final String TAG = "Tandem";
    private static final long serialVersionUID = 1L;

    private final transient AppLog file;
    private final String shortName;

    AndroidLogger(String name, AppLog file) {
        this.name = name;
        this.file = file;
        this.shortName = name.substring(name.lastIndexOf('.') + 1);
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
                                               Throwable failure) {
        String message = shortName + ": " + MessageFormatter.basicArrayFormat(pattern, arguments);
        switch (level) {
            case ERROR:
                Log.e(TAG, message, failure);
                break;
            case WARN:
                Log.w(TAG, message, failure);
                break;
            case INFO:
                Log.i(TAG, message, failure);
                break;
            default:
                Log.d(TAG, message, failure);
                return;
        }
        if (file != null) {
            file.write(level.name(), shortName, MessageFormatter.basicArrayFormat(pattern, arguments), failure);
        }
    }

    @Override
    public boolean isTraceEnabled() {
        return false;
    }

    @Override
    public boolean isTraceEnabled(Marker marker) {
        return false;
    }

    @Override
    public boolean isDebugEnabled() {
        return Log.isLoggable(TAG, Log.DEBUG);
    }

    @Override
    public boolean isDebugEnabled(Marker marker) {
        return isDebugEnabled();
    }

    @Override
    public boolean isInfoEnabled() {
        return true;
    }

    @Override
    public boolean isInfoEnabled(Marker marker) {
        return true;
    }

    @Override
    public boolean isWarnEnabled() {
        return true;
    }

    @Override
    public boolean isWarnEnabled(Marker marker) {
        return true;
    }

    @Override
    public boolean isErrorEnabled() {
        return true;
    }

    @Override
    public boolean isErrorEnabled(Marker marker) {
        return true;
    }
}
