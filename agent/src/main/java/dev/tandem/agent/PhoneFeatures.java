package dev.tandem.agent;

import dev.tandem.agent.diagnostics.DiagnosticsCollector;
import dev.tandem.agent.logs.LogSource;
import dev.tandem.agent.sharing.ScreenAccess;

/**
 * What the phone offers the session beyond chat: its screen and input, its diagnostics, its log
 * files. Each is optional; what is missing is refused when the technician asks for it. Immutable;
 * the {@code with...} methods return changed copies.
 */
public final class PhoneFeatures {
    private static final PhoneFeatures CHAT_ONLY = new PhoneFeatures(null, null, null);

    private final ScreenAccess screen;
    private final DiagnosticsCollector diagnostics;
    private final LogSource logs;

    private PhoneFeatures(ScreenAccess screen, DiagnosticsCollector diagnostics, LogSource logs) {
        this.screen = screen;
        this.diagnostics = diagnostics;
        this.logs = logs;
    }

    /** Nothing but chat. */
    public static PhoneFeatures chatOnly() {
        return CHAT_ONLY;
    }

    public PhoneFeatures withScreen(ScreenAccess access) {
        return new PhoneFeatures(access, diagnostics, logs);
    }

    public PhoneFeatures withDiagnostics(DiagnosticsCollector collector) {
        return new PhoneFeatures(screen, collector, logs);
    }

    public PhoneFeatures withLogs(LogSource source) {
        return new PhoneFeatures(screen, diagnostics, source);
    }

    /** The screen, or null on a phone that cannot share it. */
    ScreenAccess screen() {
        return screen;
    }

    DiagnosticsCollector diagnostics() {
        return diagnostics;
    }

    LogSource logs() {
        return logs;
    }
}
