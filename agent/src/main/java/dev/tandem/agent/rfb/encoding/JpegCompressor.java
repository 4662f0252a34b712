package dev.tandem.agent.rfb.encoding;

/**
 * Compresses part of a frame to a baseline JPEG (JFIF) file for Tight's JPEG mode. The platform
 * provides it: {@code Bitmap.compress} on Android, ImageIO on the JVM; this package has none, as it
 * must not depend on AWT. Implementations must be thread-safe: an encoder may compress two pieces at
 * once on two threads, and one instance serves all of a phone's viewers.
 */
public interface JpegCompressor {
    /**
     * The JPEG bytes of rectangle {@code r} of {@code frame}.
     *
     * @param quality JPEG quality in percent, 1..100
     */
    byte[] compress(Frame frame, Rect r, int quality);
}
