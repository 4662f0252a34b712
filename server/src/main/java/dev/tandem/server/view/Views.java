package dev.tandem.server.view;

import dev.tandem.protocol.message.Capabilities;
import dev.tandem.protocol.message.Capability;
import dev.tandem.server.domain.IssuedCode;
import dev.tandem.server.domain.Portal;
import dev.tandem.server.domain.SupportSession;
import dev.tandem.server.domain.TranscriptEntry;
import dev.tandem.server.domain.User;
import dev.tandem.server.i18n.Catalogue;
import dev.tandem.server.i18n.Language;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the contract's JSON objects as ordered maps. */
public final class Views {
    private Views() {
    }

    public static Map<String, Object> session(SupportSession s, boolean customerConnected) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", s.id());
        view.put("code", s.code().orElse(null));
        view.put("identifier", s.identifier().orElse(null));
        view.put("status", s.status().wireName());
        view.put("customerName", s.customerName());
        view.put("portal", s.portal().slug());
        Map<String, Object> technician = new LinkedHashMap<>();
        technician.put("username", s.technicianUsername());
        technician.put("displayName", s.technicianName());
        view.put("technician", technician);
        view.put("customerConnected", s.isActive() && customerConnected);
        Map<String, Object> device = new LinkedHashMap<>();
        device.put("manufacturer", s.device().manufacturer);
        device.put("model", s.device().model);
        device.put("androidVersion", s.device().androidVersion);
        device.put("apiLevel", s.device().apiLevel);
        device.put("profile", s.device().profile);
        view.put("device", device);
        Capabilities caps = s.capabilities();
        Map<String, Object> capabilities = new LinkedHashMap<>();
        Map<String, Object> reasons = new LinkedHashMap<>();
        Map<String, Object> codes = new LinkedHashMap<>();
        put(capabilities, reasons, codes, "chat", caps.chat);
        put(capabilities, reasons, codes, "diagnostics", caps.diagnostics);
        put(capabilities, reasons, codes, "screen", caps.screen);
        put(capabilities, reasons, codes, "control", caps.control);
        view.put("capabilities", capabilities);
        view.put("capabilityReasons", reasons);
        // Where the phone names the step the customer is on (e.g. accessibility_restricted): the
        // console says it in the technician's language.
        view.put("capabilityCodes", codes);
        view.put("startedAt", iso(s.startedAt()));
        view.put("endedAt", s.endedAt().map(Views::iso).orElse(null));
        view.put("endedBy", s.endedBy().orElse(null));
        view.put("endReason", s.endReason().orElse(null));
        view.put("endedByName", s.endedByName().orElse(null));
        view.put("durationSeconds", s.endedAt().map(end -> java.time.Duration.between(s.startedAt(), end).toSeconds())
                .orElse(null));
        // A session without a code was opened from a customer's chat request.
        view.put("origin", s.code().isPresent() ? "code" : "request");
        return view;
    }

    public static Map<String, Object> code(IssuedCode c, String joinUrl, Instant now) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("code", c.code());
        view.put("url", joinUrl);
        view.put("identifier", c.identifier().orElse(null));
        view.put("portal", c.portal().slug());
        view.put("status", c.statusAt(now).wireName());
        view.put("expiresAt", iso(c.expiresAt()));
        view.put("createdAt", iso(c.createdAt()));
        view.put("technician", c.technicianName());
        view.put("session", c.sessionId().orElse(null));
        return view;
    }

    /**
     * A transcript entry for technicians: a system line worded in {@code language}, with the key and
     * parameters of its phrase so that a console words it in its own language.
     */
    public static Map<String, Object> message(TranscriptEntry e, Language language) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("seq", e.seq());
        view.put("sender", e.sender().wireName());
        view.put("name", e.name());
        view.put("text", e.event() == null ? e.text() : Catalogue.standard().word(language, e.event()));
        view.put("at", iso(e.at()));
        if (e.event() != null) {
            view.put("key", e.event().key());
            view.put("params", e.event().params());
        }
        return view;
    }

    public static Map<String, Object> portal(Portal p) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("slug", p.slug());
        view.put("name", p.name());
        view.put("language", p.language());
        view.put("askBeforeScreenSharing", p.askBeforeScreenSharing());
        view.put("askBeforeDiagnostics", p.askBeforeDiagnostics());
        view.put("allowChatRequests", p.allowChatRequests());
        view.put("codeLifetimeMinutes", p.codeLifetimeMinutes());
        view.put("maxLiveCodes", p.maxLiveCodes());
        view.put("welcomeText", p.welcomeText());
        view.put("brandColor", p.brandColor());
        view.put("requestTimeoutMinutes", p.requestTimeoutMinutes());
        return view;
    }

    public static Map<String, Object> user(User u) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("username", u.username());
        view.put("displayName", u.displayName());
        view.put("role", u.role().wireName());
        view.put("enabled", u.enabled());
        return view;
    }

    public static String iso(Instant instant) {
        return instant.toString();
    }

    private static void put(Map<String, Object> capabilities, Map<String, Object> reasons, Map<String, Object> codes,
            String name, Capability c) {
        capabilities.put(name, c.available);
        if (!c.available) {
            reasons.put(name, c.reason == null ? "Not available on this device" : c.reason);
            if (c.code != null) {
                codes.put(name, c.code);
            }
        }
    }
}
