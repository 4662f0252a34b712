package dev.tandem.agent;

import dev.tandem.agent.diagnostics.DiagnosticsCollector;
import dev.tandem.agent.drawing.Drawings;
import dev.tandem.agent.logs.LogSource;
import dev.tandem.agent.sharing.ScreenAccess;

/**
 * What the phone offers the session beyond chat: its screen and input, its diagnostics, its log
 * files. Each is optional; what is missing is refused when the technician asks for it. Immutable;
 * the {@code with...} methods return changed copies.
 */
public final class PhoneFeatures {
    private static final PhoneFeatures CHAT_ONLY = new PhoneFeatures(null, null, null, null);

    private final ScreenAccess screen;
    private final DiagnosticsCollector diagnostics;
    private final LogSource logs;
    private final Drawings drawings;

    private PhoneFeatures(ScreenAccess screen, DiagnosticsCollector diagnostics, LogSource logs, Drawings drawings) {
        this.screen = screen;
        this.diagnostics = diagnostics;
        this.logs = logs;
        this.drawings = drawings;
    }

    /** Nothing but chat. */
    public static PhoneFeatures chatOnly() {
        return CHAT_ONLY;
    }

    public PhoneFeatures withScreen(ScreenAccess access) {
        return new PhoneFeatures(access, diagnostics, logs, drawings);
    }

    public PhoneFeatures withDiagnostics(DiagnosticsCollector collector) {
        return new PhoneFeatures(screen, collector, logs, drawings);
    }

    public PhoneFeatures withLogs(LogSource source) {
        return new PhoneFeatures(screen, diagnostics, source, drawings);
    }

    /**
     * The technician's drawings show on this phone's screen through {@code shown} (issue 18.7): the
     * phone draws what it holds on top of its screen. Only with a screen.
     */
    public PhoneFeatures withDrawings(Drawings shown) {
        return new PhoneFeatures(screen, diagnostics, logs, shown);
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

    /** Where drawings show, or null on a phone that cannot show them. */
    Drawings drawings() {
        return screen == null ? null : drawings;
    }
}
