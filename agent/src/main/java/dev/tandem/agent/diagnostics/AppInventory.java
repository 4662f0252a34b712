package dev.tandem.agent.diagnostics;

import dev.tandem.protocol.diagnostics.InstalledApp;
import java.util.List;

/**
 * Every installed app the Tandem app can see, in the order to show them. The collector bounds the
 * list ({@link dev.tandem.protocol.diagnostics.AppsSection#bounded}), so a source need not.
 */
@FunctionalInterface
public interface AppInventory extends SectionSource<List<InstalledApp>> {
}
