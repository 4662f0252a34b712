package dev.tandem.agent.rfb.encoding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FrameDiffTest {
    private static final int W = 1080;
    private static final int H = 2400;

    @Test
    void identicalFramesHaveNoChanges() {
        Frame frame = RandomFrames.frame(new Random(1), W, H, 30, 50);
        assertThat(FrameDiff.changes(frame, Frame.copyOf(W, H, frame.copyPixels(frame.bounds())))).isEmpty();
    }

    @Test
    void findsExactlyTheTilesWithChangedPixels() {
        Random random = new Random(42);
        Frame before = RandomFrames.frame(random, W, H, 30, 50);
        for (int round = 0; round < 20; round++) {
            int[] pixels = before.copyPixels(before.bounds());
            Set<Long> changedTiles = new HashSet<>();
            int changes = 1 + random.nextInt(round < 10 ? 5 : 400);
            for (int i = 0; i < changes; i++) {
                int x = random.nextInt(W);
                int y = random.nextInt(H);
                pixels[y * W + x] ^= 1 + random.nextInt(0xFFFFFF);
                changedTiles.add(tile(x / 64, y / 64));
            }
            List<Rect> rects = FrameDiff.changes(before, Frame.wrap(W, H, pixels));

            Set<Long> covered = new HashSet<>();
            for (Rect r : rects) {
                assertThat(r.x() % 64).isZero();
                assertThat(r.y() % 64).isZero();
                for (int ty = r.y() / 64; ty * 64 < r.bottom(); ty++) {
                    for (int tx = r.x() / 64; tx * 64 < r.right(); tx++) {
                        assertThat(covered.add(tile(tx, ty))).as("tile %d,%d covered twice", tx, ty).isTrue();
                    }
                }
            }
            assertThat(covered).isEqualTo(changedTiles);
        }
    }

    @Test
    void adjacentDirtyTilesMergeIntoRunsAndColumns() {
        Frame before = Frame.wrap(W, H, new int[W * H]);
        int[] pixels = new int[W * H];
        // A block of changes spanning tiles 2..4 across and 3..5 down: one rectangle.
        for (int y = 3 * 64 + 10; y < 5 * 64 + 3; y++) {
            for (int x = 2 * 64 + 5; x < 4 * 64 + 60; x++) {
                pixels[y * W + x] = 0xFFFFFF;
            }
        }
        // The last row of tiles is cut by the frame's edge (2400 = 37.5 tiles).
        pixels[(H - 1) * W + W - 1] = 1;
        List<Rect> rects = FrameDiff.changes(before, Frame.wrap(W, H, pixels));
        assertThat(rects).containsExactlyInAnyOrder(Rect.of(128, 192, 192, 192), Rect.of(1024, 2368, 56, 32));
    }

    @Test
    void trimNarrowsEachChangeToTheBoundsOfThePixelsThatDiffer() {
        Random random = new Random(7);
        Frame before = RandomFrames.frame(random, W, H, 30, 50);
        for (int round = 0; round < 50; round++) {
            int[] pixels = before.copyPixels(before.bounds());
            int left = W;
            int top = H;
            int right = 0;
            int bottom = 0;
            // A few changed pixels scattered inside one area, as a switch's or a text line's.
            int ax = random.nextInt(W - 300);
            int ay = random.nextInt(H - 200);
            for (int i = 0, n = 1 + random.nextInt(6); i < n; i++) {
                int x = ax + random.nextInt(300);
                int y = ay + random.nextInt(200);
                pixels[y * W + x] ^= 1 + random.nextInt(0xFFFFFF);
                left = Math.min(left, x);
                top = Math.min(top, y);
                right = Math.max(right, x + 1);
                bottom = Math.max(bottom, y + 1);
            }
            Frame after = Frame.wrap(W, H, pixels);
            Rect exact = Rect.of(left, top, right - left, bottom - top);
            Rect tiles = FrameDiff.changes(before, after).stream().reduce(FrameDiffTest::union).orElseThrow();

            assertThat(FrameDiff.trim(before, after, tiles)).isEqualTo(exact);
            assertThat(FrameDiff.trim(before, after, before.bounds())).isEqualTo(exact);
        }
    }

    @Test
    void trimOfAnUnchangedAreaIsEmpty() {
        Frame frame = RandomFrames.frame(new Random(3), 200, 100, 10, 20);
        Frame same = Frame.copyOf(200, 100, frame.copyPixels(frame.bounds()));
        assertThat(FrameDiff.trim(frame, same, Rect.of(64, 0, 64, 64)).isEmpty()).isTrue();
    }

    private static Rect union(Rect a, Rect b) {
        int x = Math.min(a.x(), b.x());
        int y = Math.min(a.y(), b.y());
        return Rect.of(x, y, Math.max(a.right(), b.right()) - x, Math.max(a.bottom(), b.bottom()) - y);
    }

    @Test
    void aFrameOfAnotherSizeChangesEverything() {
        Frame before = Frame.wrap(10, 10, new int[100]);
        Frame after = Frame.wrap(20, 10, new int[200]);
        assertThat(FrameDiff.changes(before, after)).containsExactly(after.bounds());
    }

    @Test
    void fullFrameChangeIsOneRectangle() {
        Frame before = Frame.wrap(W, H, new int[W * H]);
        int[] pixels = new int[W * H];
        java.util.Arrays.fill(pixels, 7);
        assertThat(FrameDiff.changes(before, Frame.wrap(W, H, pixels))).containsExactly(before.bounds());
    }

    private static long tile(int tx, int ty) {
        return ((long) ty << 32) | tx;
    }
}
