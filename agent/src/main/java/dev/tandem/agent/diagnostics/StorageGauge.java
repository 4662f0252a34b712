package dev.tandem.agent.diagnostics;

import dev.tandem.protocol.diagnostics.StorageSection;

/** Total and free space of internal storage and of the SD card, now. */
@FunctionalInterface
public interface StorageGauge extends SectionSource<StorageSection> {
}
