/**
 * The diagnostics report as it travels from the phone to the technician's "Remote Diagnostics"
 * window: {@link dev.tandem.protocol.diagnostics.DiagnosticsReport} with one small immutable class
 * per section, {@link dev.tandem.protocol.diagnostics.Reading} for every value the phone may be
 * unable to give, {@link dev.tandem.protocol.diagnostics.DiagnosticsWarnings} for the findings the
 * console highlights, and {@link dev.tandem.protocol.diagnostics.DiagnosticsJson} to turn a report
 * into JSON and back.
 *
 * <p>Depends only on Jackson annotations/databind and {@code dev.tandem.protocol}; compiled for
 * Java 11 and shared with the Android app, so no records, no AWT, no {@code java.net.http}. It must
 * not know how values are collected (that is {@code dev.tandem.agent.diagnostics}).
 */
package dev.tandem.protocol.diagnostics;
