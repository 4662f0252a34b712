package dev.tandem.agent.rfb.encoding;

import java.util.zip.Deflater;

/**
 * Chooses, for one full-colour piece, between Tight's gradient filter and the colours as they are,
 * by compressing a sample of both with a scratch deflater and keeping the smaller. A rule on the
 * pixels alone (how often the gradient predicts a colour change) guessed wrong on a third of the
 * benchmark's photo and map pieces, where the two forms differ by up to 35%; the sample of a quarter
 * of the rows picks as well as compressing everything (within 0.1% on the 16 screenshots) at a
 * fraction of the cost. Not thread-safe: one per encoder.
 */
final class FilterChoice implements AutoCloseable {
    /** A band of this many rows out of every {@link #EVERY} is compressed both ways. */
    private static final int BAND = 16;
    private static final int EVERY = 64;

    private final Deflater deflater = new Deflater(1);
    private final ByteSink sample = ByteSink.create(BAND * TightEncoder.MAX_WIDTH * 3);
    private final byte[] scratch = new byte[16 * 1024];

    /** Whether the gradient filter packs {@code w * h} packed {@code pixels} smaller than plain colours. */
    boolean gradientPays(int[] pixels, int w, int h, int redShift, int greenShift, int blueShift) {
        long gradient = 0;
        long plain = 0;
        for (int y = 0; y < h; y += EVERY) {
            int rows = Math.min(BAND, h - y);
            sample.reset();
            GradientFilter.write(pixels, y * w, w, rows, redShift, greenShift, blueShift, sample);
            gradient += deflatedSize();
            sample.reset();
            writePlain(pixels, y * w, w * rows, redShift, greenShift, blueShift, sample);
            plain += deflatedSize();
        }
        return gradient < plain;
    }

    /** Appends {@code count} pixels from {@code from} as 3-byte TPIXELs: red, green, blue. */
    static void writePlain(int[] pixels, int from, int count, int redShift, int greenShift, int blueShift,
            ByteSink out) {
        byte[] buf = out.ensureRoom(count * 3);
        int at = out.position();
        for (int i = from; i < from + count; i++, at += 3) {
            int p = pixels[i];
            buf[at] = (byte) (p >>> redShift);
            buf[at + 1] = (byte) (p >>> greenShift);
            buf[at + 2] = (byte) (p >>> blueShift);
        }
        out.advance(count * 3);
    }

    private long deflatedSize() {
        deflater.reset();
        deflater.setInput(sample.buffer(), 0, sample.size());
        deflater.finish();
        long size = 0;
        while (!deflater.finished()) {
            size += deflater.deflate(scratch);
        }
        return size;
    }

    @Override
    public void close() {
        deflater.end();
    }
}
