package dev.tandem.agent.rfb.encoding;

/**
 * What a Tight viewer that asked for a JPEG quality level (0..9) accepts in place of exact pixels:
 * JPEG for pieces with more colours than a palette holds, and palettes whose rare colours are rounded
 * to a grid, {@link #paletteStep} apart per channel. The rare colours of a palette piece are the
 * anti-aliased edges of text and icons: rounding them makes the same letter at another sub-pixel
 * position the same bytes, which zlib then finds again (a third fewer bytes for a screen of Settings
 * at level 6), while every colour that covers at least 1/{@value #KEEP_SHARE} of the piece (the
 * background, the ink, a card) stays exact, so fills and neighbouring pieces meet without a seam. The
 * error (at most half a step per channel, 8 of 255 at level 6) is far below what JPEG at that level
 * does to the same edges. Level 9 keeps palettes exact, and so do viewers of fewer than 24 bits of
 * colour, whose palettes hold packed pixels. Thread-safe (immutable).
 */
final class TightLossy {
    /** A colour used by at least this share (1/64) of a piece's pixels stays exact. */
    static final int KEEP_SHARE = 64;
    /** Palettes of this many colours or fewer have no edges worth rounding. */
    static final int MIN_COLOURS = 8;

    private final JpegCompressor jpeg;
    private final int jpegQuality;
    private final int paletteStep;

    private TightLossy(JpegCompressor jpeg, int jpegQuality, int paletteStep) {
        this.jpeg = jpeg;
        this.jpegQuality = jpegQuality;
        this.paletteStep = paletteStep;
    }

    /** The lossy mode of Tight quality {@code level} (0..9) with {@code jpeg}. */
    static TightLossy of(JpegCompressor jpeg, int level) {
        if (level < 0 || level > 9) {
            throw new IllegalArgumentException("Tight quality level must be 0..9, got " + level);
        }
        return new TightLossy(jpeg, TightEncoder.jpegQuality(level), paletteStep(level));
    }

    /** 1 (exact) at level 9, then 4, 8, 16 (level 6), and 32 from level 5 down. */
    static int paletteStep(int level) {
        return level >= 9 ? 1 : 1 << Math.min(5, 10 - level);
    }

    JpegCompressor jpeg() {
        return jpeg;
    }

    /** JPEG quality in percent. */
    int jpegQuality() {
        return jpegQuality;
    }

    int paletteStep() {
        return paletteStep;
    }

    /** A colour's channels rounded to the nearest multiple of the step (255 for the top one). */
    int round(int rgb) {
        return (roundChannel(rgb >>> 16) << 16) | (roundChannel(rgb >>> 8) << 8) | roundChannel(rgb);
    }

    private int roundChannel(int value) {
        int v = value & 0xFF;
        return Math.min(255, (v + paletteStep / 2) / paletteStep * paletteStep);
    }
}
