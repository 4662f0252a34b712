package dev.tandem.agent.diagnostics;

import dev.tandem.protocol.diagnostics.PermissionsSection;

/** Whether the customer has granted screen capture and accessibility to the Tandem app, now. */
@FunctionalInterface
public interface PermissionState extends SectionSource<PermissionsSection> {
}
