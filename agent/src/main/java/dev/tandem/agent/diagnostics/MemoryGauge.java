package dev.tandem.agent.diagnostics;

import dev.tandem.protocol.diagnostics.MemorySection;

/** Total and available RAM now, and whether Android considers memory low. */
@FunctionalInterface
public interface MemoryGauge extends SectionSource<MemorySection> {
}
