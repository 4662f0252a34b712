/**
 * Collecting a {@link dev.tandem.protocol.diagnostics.DiagnosticsReport} on the phone: one small
 * interface per report section ({@link dev.tandem.agent.diagnostics.BatteryGauge},
 * {@link dev.tandem.agent.diagnostics.NetworkProbe}, ...) that the platform implements (the Android
 * app with Android APIs, the virtual device with simulated values), and
 * {@link dev.tandem.agent.diagnostics.DiagnosticsCollector}, which asks each one and turns a missing
 * or failing source into an unavailable section instead of a failed report.
 *
 * <p>Depends only on {@code dev.tandem.protocol.diagnostics}; compiled for Java 11 and shared with the
 * Android app, so it must not depend on the session, the device, Android, AWT or {@code java.net.http}.
 */
package dev.tandem.agent.diagnostics;
