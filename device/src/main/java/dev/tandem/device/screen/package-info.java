/**
 * The virtual phone's screen: {@link dev.tandem.device.screen.PhoneUi} is a small Android-like UI
 * state machine (home, Settings, Messages with a keyboard, notification shade, recents) that takes
 * the technician's gestures as {@link dev.tandem.agent.screen.PhoneInput};
 * {@link dev.tandem.device.screen.PhoneRenderer} draws one of its snapshots with Java2D; and
 * {@link dev.tandem.device.screen.RenderedScreen} / {@link dev.tandem.device.screen.StaticScreen}
 * offer the result as a {@link dev.tandem.agent.screen.ScreenSource}. Geometry lives in
 * {@link dev.tandem.device.screen.Layout} only, so what is drawn is what is hit.
 *
 * <p>Headless: draws into off-screen images and never opens a window. Depends on the agent's screen
 * seam ({@code dev.tandem.agent.screen}, {@code dev.tandem.agent.rfb.encoding.Frame}) and on
 * {@link dev.tandem.device.DeviceProfile}; must not depend on the agent session, the command line or
 * the server.
 */
package dev.tandem.device.screen;
