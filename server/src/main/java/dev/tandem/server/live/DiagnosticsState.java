package dev.tandem.server.live;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where one live session's diagnostics and log requests stand: the status of the latest request
 * of each kind, and the files refused in the latest logs request (the open prompts are the
 * session's {@link Prompts}). The reports and files themselves are stored; this is only the
 * in-flight part. Confined to the session's loop.
 */
final class DiagnosticsState {
    enum Status { NONE, PENDING, DECLINED, READY, FAILED }

    /** A refused upload, as the console lists it. */
    record Refusal(String name, String reason) {
    }

    Status diagnostics = Status.NONE;
    String diagnosticsError;
    Status logs = Status.NONE;
    /**
     * The logs prompt the customer allowed and whose files are still coming; null when nobody is
     * waiting for files (then every upload is refused).
     */
    String allowedLogsPrompt;
    /** Files started for {@link #allowedLogsPrompt}. */
    int filesThisRequest;
    /** At most {@link #MAX_REFUSALS} kept: a phone sending junk cannot grow this list. */
    final List<Refusal> refused = new ArrayList<>();
    static final int MAX_REFUSALS = 50;

    static String wire(Status status) {
        return status.name().toLowerCase(Locale.ROOT);
    }
}
