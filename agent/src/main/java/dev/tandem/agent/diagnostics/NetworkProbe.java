package dev.tandem.agent.diagnostics;

import dev.tandem.protocol.diagnostics.NetworkSection;

/** The active network now: kind, Wi-Fi signal and speed, operator, addresses, VPN. */
@FunctionalInterface
public interface NetworkProbe extends SectionSource<NetworkSection> {
}
