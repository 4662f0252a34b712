package dev.tandem.agent.diagnostics;

import dev.tandem.protocol.diagnostics.CpuSection;

/** The processor's ABIs and core count. */
@FunctionalInterface
public interface CpuFacts extends SectionSource<CpuSection> {
}
