package dev.tandem.agent.diagnostics;

import dev.tandem.protocol.diagnostics.LocaleSection;

/** The phone's language and time zone. */
@FunctionalInterface
public interface LocaleFacts extends SectionSource<LocaleSection> {
}
