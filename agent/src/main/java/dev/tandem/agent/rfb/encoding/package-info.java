/**
 * RFB (RFC 6143) rectangle encoders for the screen stream: Raw, CopyRect, ZRLE and Tight, the viewer's
 * {@link dev.tandem.agent.rfb.encoding.PixelFormat}, immutable screen snapshots
 * ({@link dev.tandem.agent.rfb.encoding.Frame}), change detection
 * ({@link dev.tandem.agent.rfb.encoding.FrameDiff}) and vertical-scroll detection for CopyRect
 * ({@link dev.tandem.agent.rfb.encoding.ScrollDetector}).
 *
 * <p>An encoder writes one rectangle's payload, never the 12-byte rectangle header: framing, the
 * FramebufferUpdate message and the choice of encoding belong to the RFB session, which builds on
 * this package. Encoders keep zlib streams that live as long as one viewer's connection, so there
 * is one encoder instance per viewer and it is not thread-safe.
 *
 * <p>Depends on the JDK only ({@code java.util}, {@code java.util.zip}). It must not depend on AWT,
 * ImageIO, Android or the session code: it is compiled for Java 11 and shared with the Android app.
 * JPEG is reached through {@link dev.tandem.agent.rfb.encoding.JpegCompressor}, implemented by the
 * platform ({@code Bitmap.compress} on Android, ImageIO in the benchmarks).
 */
package dev.tandem.agent.rfb.encoding;
