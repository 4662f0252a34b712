package dev.tandem.device.cli;

import java.util.Locale;
import java.util.Optional;

/** How permission prompts are answered: by the customer on stdin, or always yes, or always no. */
enum ConsentMode {
    ASK, YES, NO;

    static Optional<ConsentMode> fromCliName(String name) {
        String wanted = name == null ? "" : name.trim().toUpperCase(Locale.ROOT);
        for (ConsentMode mode : values()) {
            if (mode.name().equals(wanted)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
