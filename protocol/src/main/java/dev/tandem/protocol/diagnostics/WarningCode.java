package dev.tandem.protocol.diagnostics;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The findings {@link DiagnosticsWarnings} can report. The {@link #code()} strings are stable: the
 * console translates by code, so never rename one; add a new constant instead.
 */
public enum WarningCode {
    BATTERY_LOW("battery.low", "battery"),
    BATTERY_CRITICAL("battery.critical", "battery"),
    STORAGE_LOW("storage.low", "storage"),
    MEMORY_LOW("memory.low", "memory"),
    NETWORK_NONE("network.none", "network"),
    SCREEN_CAPTURE_MISSING("permission.screen-capture.missing", "permissions"),
    ACCESSIBILITY_MISSING("permission.accessibility.missing", "permissions");

    private final String code;
    private final String section;

    WarningCode(String code, String section) {
        this.code = code;
        this.section = section;
    }

    @JsonValue
    public String code() { return code; }

    /** The report section the finding is about, as named in the JSON. */
    public String section() { return section; }

    @JsonCreator
    public static WarningCode fromCode(String code) {
        for (WarningCode candidate : values()) {
            if (candidate.code.equals(code)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("Unknown warning code: " + code);
    }
}
