package dev.tandem.server.live;

import dev.tandem.protocol.message.ServerMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where one live session's diagnostics and log requests stand: the open prompts, the status of the
 * latest request of each kind, and the files refused in the latest logs request. The reports and
 * files themselves are stored; this is only the in-flight part. Guarded by the {@link LiveSession}
 * monitor.
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
    final Map<String, ServerMessage.Prompt> prompts = new LinkedHashMap<>();

    static String wire(Status status) {
        return status.name().toLowerCase(Locale.ROOT);
    }
}
