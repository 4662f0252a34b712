/**
 * The seam between the agent and the phone it runs on: where the screen comes from
 * ({@link dev.tandem.agent.screen.ScreenSource}, at a capture size viewers may change, described by
 * {@link dev.tandem.agent.screen.ScreenGeometry}) and what the technician's input does
 * ({@link dev.tandem.agent.screen.PhoneInput}). The virtual phone implements them in module
 * {@code device}; the Android app with MediaProjection and an AccessibilityService. The agent calls
 * them only with the customer's consent: no capture without screen consent, no input without
 * control. Java 11, no AWT.
 */
package dev.tandem.agent.screen;
