/**
 * The virtual phone's diagnostics: one simulated source per report section, with plausible values
 * for each {@link dev.tandem.device.DeviceProfile} that move over time (battery drains and charges,
 * uptime grows, free storage and memory drift, Wi-Fi signal wanders), all driven by an injected
 * {@link java.time.Clock} and a seeded {@link java.util.Random} so tests are repeatable.
 * {@link dev.tandem.device.diagnostics.VirtualPhoneDiagnostics} wires them into a
 * {@link dev.tandem.agent.diagnostics.DiagnosticsCollector}.
 *
 * <p>Depends on {@code dev.tandem.agent.diagnostics}, the protocol's diagnostics package and
 * {@link dev.tandem.device.DeviceProfile}; must not depend on the command line, the server or the console.
 */
package dev.tandem.device.diagnostics;
