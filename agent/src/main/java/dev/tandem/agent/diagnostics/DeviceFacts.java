package dev.tandem.agent.diagnostics;

import dev.tandem.protocol.diagnostics.DeviceSection;

/** Who the phone is: vendor, model, Android version, patch level, build, uptime. */
@FunctionalInterface
public interface DeviceFacts extends SectionSource<DeviceSection> {
}
