package dev.tandem.server.view;

import dev.tandem.protocol.message.Capabilities;
import dev.tandem.protocol.message.Capability;
import dev.tandem.server.domain.SupportSession;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A support session as {@code /api/v1/sessions} and the console's {@code session} event show it. The
 * capability maps are keyed by capability name ({@code chat}, {@code diagnostics}, {@code screen},
 * {@code control}); reasons and codes are there only for what the phone cannot do. {@code ownerNode}:
 * the node that holds an active session when the server runs as several nodes (issue 16), else null.
 */
public record SessionView(String id, String code, String identifier, String status, String customerName, String portal,
                          Technician technician, boolean customerConnected, Device device,
                          Map<String, Boolean> capabilities, Map<String, String> capabilityReasons,
                          Map<String, String> capabilityCodes, String startedAt, String endedAt, String endedBy,
                          String endReason, String endedByName, Long durationSeconds, String origin, String ownerNode) {

    /** Who the session is with. */
    public record Technician(String username, String displayName) {
    }

    /** The customer's phone (or browser, profile {@code web}) as it described itself. */
    public record Device(String manufacturer, String model, String androidVersion, int apiLevel, String profile) {
    }

    public static SessionView of(SupportSession s, boolean customerConnected) {
        Capabilities caps = s.capabilities();
        Map<String, Boolean> available = new LinkedHashMap<>();
        Map<String, String> reasons = new LinkedHashMap<>();
        // Where the phone names the step the customer is on (e.g. accessibility_restricted): the
        // console says it in the technician's language.
        Map<String, String> codes = new LinkedHashMap<>();
        put(available, reasons, codes, "chat", caps.chat);
        put(available, reasons, codes, "diagnostics", caps.diagnostics);
        put(available, reasons, codes, "screen", caps.screen);
        put(available, reasons, codes, "control", caps.control);
        return new SessionView(s.id(), s.code().orElse(null), s.identifier().orElse(null), s.status().wireName(),
                s.customerName(), s.portal().slug(), new Technician(s.technicianUsername(), s.technicianName()),
                s.isActive() && customerConnected,
                new Device(s.device().manufacturer, s.device().model, s.device().androidVersion, s.device().apiLevel,
                        s.device().profile),
                available, reasons, codes, Views.iso(s.startedAt()), s.endedAt().map(Views::iso).orElse(null),
                s.endedBy().orElse(null), s.endReason().orElse(null), s.endedByName().orElse(null),
                s.endedAt().map(end -> Duration.between(s.startedAt(), end).toSeconds()).orElse(null),
                // A session without a code was opened from a customer's chat request.
                s.code().isPresent() ? "code" : "request",
                // The node that holds the live session (several nodes); null alone or once it ended.
                s.isActive() ? s.ownerNode().orElse(null) : null);
    }

    private static void put(Map<String, Boolean> available, Map<String, String> reasons, Map<String, String> codes,
                            String name, Capability c) {
        available.put(name, c.available);
        if (!c.available) {
            reasons.put(name, c.reason == null ? "Not available on this device" : c.reason);
            if (c.code != null) {
                codes.put(name, c.code);
            }
        }
    }
}
