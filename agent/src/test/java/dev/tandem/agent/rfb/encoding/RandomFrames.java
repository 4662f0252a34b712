package dev.tandem.agent.rfb.encoding;

import java.util.Random;

/** Seeded frames with a chosen number of colours and run lengths, for encoder round trips. */
final class RandomFrames {
    private RandomFrames() {
    }

    /**
     * A frame of {@code colours} random ARGB colours (alpha random too, encoders must ignore it), drawn
     * in runs of mean length {@code meanRun}; {@code colours <= 0} means every pixel random.
     */
    static Frame frame(Random random, int width, int height, int colours, int meanRun) {
        int[] palette = new int[Math.max(1, colours)];
        for (int i = 0; i < palette.length; i++) {
            palette[i] = random.nextInt();
        }
        int[] argb = new int[width * height];
        int i = 0;
        while (i < argb.length) {
            int run = 1 + (meanRun <= 1 ? 0 : random.nextInt(2 * meanRun));
            int colour = colours <= 0 ? random.nextInt() : palette[random.nextInt(palette.length)];
            for (int end = Math.min(argb.length, i + run); i < end; i++) {
                argb[i] = colour;
            }
        }
        return Frame.wrap(width, height, argb);
    }

    /** A random rectangle inside {@code frame}, at least 1x1. */
    static Rect rectInside(Random random, Frame frame) {
        int x = random.nextInt(frame.width());
        int y = random.nextInt(frame.height());
        return Rect.of(x, y, 1 + random.nextInt(frame.width() - x), 1 + random.nextInt(frame.height() - y));
    }
}
