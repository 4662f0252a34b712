package dev.tandem.android.logs;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * SLF4J's binding on the phone. The APK carries no {@code META-INF/services} (D8 keeps classes only),
 * so {@link #install} names this class in the {@code slf4j.provider} system property before the first
 * logger is made. Thread-safe.
 */
public final class AndroidLogProvider implements SLF4JServiceProvider {
    private static volatile AppLog file;

    private final ConcurrentMap<String, Logger> loggers = new ConcurrentHashMap<>();
    private final ILoggerFactory factory = name -> loggers.computeIfAbsent(name, n -> new AndroidLogger(n, file));
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new NOPMDCAdapter();

    /** Routes SLF4J to logcat and {@code log}; call once, first thing in {@code Application.onCreate}. */
    public static void install(AppLog log) {
        file = log;
        System.setProperty("slf4j.provider", AndroidLogProvider.class.getName());
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return factory;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
        // nothing to set up: loggers are made on demand
    }
}
