package dev.tandem.agent.diagnostics;

import dev.tandem.protocol.diagnostics.DisplaySection;

/** The screen's size, density and refresh rate. */
@FunctionalInterface
public interface DisplayFacts extends SectionSource<DisplaySection> {
}
