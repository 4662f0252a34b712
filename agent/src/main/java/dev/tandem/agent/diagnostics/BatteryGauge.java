package dev.tandem.agent.diagnostics;

import dev.tandem.protocol.diagnostics.BatterySection;

/** The battery's level, charger, health, temperature and voltage now. */
@FunctionalInterface
public interface BatteryGauge extends SectionSource<BatterySection> {
}
