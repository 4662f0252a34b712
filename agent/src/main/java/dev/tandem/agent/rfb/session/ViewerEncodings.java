package dev.tandem.agent.rfb.session;

import dev.tandem.agent.rfb.encoding.CopyRectEncoder;
import dev.tandem.agent.rfb.encoding.RawEncoder;
import dev.tandem.agent.rfb.encoding.TightEncoder;
import dev.tandem.agent.rfb.encoding.ZrleEncoder;

/**
 * What a viewer said in its last SetEncodings (RFC 6143 7.5.2): the pixel encoding to use (the first
 * of Raw, ZRLE and Tight in the viewer's order of preference, Raw when it named none), whether it
 * takes CopyRect and the DesktopSize and ExtendedDesktopSize pseudo-rectangles, and the Tight JPEG quality and compression
 * levels it asked for. Encodings this server does not know are ignored, as the RFC wants. Immutable.
 */
final class ViewerEncodings {
    static final int DESKTOP_SIZE = -223;
    static final int EXTENDED_DESKTOP_SIZE = -308;
    static final int QUALITY_LEVEL_0 = TightEncoder.QUALITY_LEVEL_0;
    static final int COMPRESS_LEVEL_0 = -256;

    /** Before SetEncodings: Raw only, as RFC 6143 says every viewer supports it. */
    static final ViewerEncodings RAW_ONLY = new ViewerEncodings(RawEncoder.TYPE, false, false, false, false, false, -1, -1);

    private final int pixelEncoding;
    private final boolean copyRect;
    private final boolean desktopSize;
    private final boolean extendedDesktopSize;
    private final boolean continuousUpdates;
    private final boolean fence;
    private final int qualityLevel;
    private final int compressionLevel;

    private ViewerEncodings(int pixelEncoding, boolean copyRect, boolean desktopSize, boolean extendedDesktopSize,
            boolean continuousUpdates, boolean fence, int qualityLevel, int compressionLevel) {
        this.continuousUpdates = continuousUpdates;
        this.fence = fence;
        this.pixelEncoding = pixelEncoding;
        this.copyRect = copyRect;
        this.desktopSize = desktopSize;
        this.extendedDesktopSize = extendedDesktopSize;
        this.qualityLevel = qualityLevel;
        this.compressionLevel = compressionLevel;
    }

    /** The encodings of one SetEncodings message, in the viewer's order of preference. */
    static ViewerEncodings of(int[] encodings) {
        int pixel = -1;
        boolean copyRect = false;
        boolean desktopSize = false;
        boolean extendedDesktopSize = false;
        boolean continuousUpdates = false;
        boolean fence = false;
        int quality = -1;
        int compression = -1;
        for (int e : encodings) {
            if (pixel < 0 && (e == RawEncoder.TYPE || e == ZrleEncoder.TYPE || e == TightEncoder.TYPE)) {
                pixel = e;
            } else if (e == CopyRectEncoder.TYPE) {
                copyRect = true;
            } else if (e == DESKTOP_SIZE) {
                desktopSize = true;
            } else if (e == EXTENDED_DESKTOP_SIZE) {
                extendedDesktopSize = true;
            } else if (e == ContinuousUpdates.PSEUDO_ENCODING) {
                continuousUpdates = true;
            } else if (e == ContinuousUpdates.FENCE_PSEUDO_ENCODING) {
                fence = true;
            } else if (quality < 0 && e >= QUALITY_LEVEL_0 && e <= QUALITY_LEVEL_0 + 9) {
                quality = e - QUALITY_LEVEL_0;
            } else if (compression < 0 && e >= COMPRESS_LEVEL_0 && e <= COMPRESS_LEVEL_0 + 9) {
                compression = e - COMPRESS_LEVEL_0;
            }
        }
        return new ViewerEncodings(pixel < 0 ? RawEncoder.TYPE : pixel, copyRect, desktopSize, extendedDesktopSize,
                continuousUpdates, fence, quality, compression);
    }

    /** {@link RawEncoder#TYPE}, {@link ZrleEncoder#TYPE} or {@link TightEncoder#TYPE}. */
    int pixelEncoding() {
        return pixelEncoding;
    }

    boolean copyRect() {
        return copyRect;
    }

    boolean desktopSize() {
        return desktopSize;
    }

    /** Speaks the ContinuousUpdates extension (pseudo-encoding -313). */
    boolean continuousUpdates() {
        return continuousUpdates;
    }

    /** Speaks the Fence extension (pseudo-encoding -312). */
    boolean fence() {
        return fence;
    }

    /** Takes ExtendedDesktopSize rectangles, so it may ask for a size with SetDesktopSize. */
    boolean extendedDesktopSize() {
        return extendedDesktopSize;
    }

    /** Tight JPEG quality 0..9, or -1 when the viewer wants lossless. */
    int qualityLevel() {
        return qualityLevel;
    }

    /** Compression level 0..9, or -1 when the viewer named none. */
    int compressionLevel() {
        return compressionLevel;
    }
}
