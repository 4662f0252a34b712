package dev.tandem.agent.consent;

import java.util.Optional;

/** What the technician can ask the customer to allow. */
public enum ConsentKind {
    /** See the phone's screen. */
    SCREEN("screen"),
    /** Tap, swipe and type on the phone. */
    CONTROL("control"),
    /** Read device information (battery, storage, network, ...). */
    DIAGNOSTICS("diagnostics"),
    /** Collect the phone's log files. */
    LOGS("logs");

    private final String wireName;

    ConsentKind(String wireName) {
        this.wireName = wireName;
    }

    /** The name in the protocol's {@code prompt.kind}, e.g. {@code screen}. */
    public String wireName() { return wireName; }

    /** The kind called {@code name} in the protocol, or empty for a kind this agent does not know. */
    public static Optional<ConsentKind> fromWireName(String name) {
        for (ConsentKind kind : values()) {
            if (kind.wireName.equals(name)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
