/**
 * The RFB (RFC 6143) server side of the screen stream: one {@link dev.tandem.agent.rfb.session.ScreenStream}
 * serves one VNC viewer over a byte channel (a loopback socket in tests, WebSocket binary frames through
 * the Tandem relay in production). It runs the handshake (RFB 3.8, security None: the tunnel is already
 * authenticated), answers FramebufferUpdateRequests with changed rectangles from
 * {@link dev.tandem.agent.rfb.encoding}, and turns the viewer's pointer and keys into phone gestures.
 *
 * <p>The customer's consent is enforced here, whatever the server does: no pixel is sent unless the
 * {@link dev.tandem.agent.consent.ConsentLedger} grants SCREEN at that moment, and no input reaches
 * the phone unless it grants CONTROL.
 *
 * <p>Depends on {@code rfb.encoding}, {@code screen}, {@code consent}, the JDK and slf4j only; not on
 * the transport, the session protocol, AWT or Android (Java 11, shared with the Android app).
 */
package dev.tandem.agent.rfb.session;
