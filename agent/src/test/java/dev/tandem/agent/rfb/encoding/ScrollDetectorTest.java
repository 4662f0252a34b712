package dev.tandem.agent.rfb.encoding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ScrollDetectorTest {
    private static final int STATUS_BAR = 150;
    private static final int NAV_BAR = 200;

    /** The screenshot with its list scrolled up by {@code shift} rows; new rows come in at the bottom. */
    private static Frame scrolledUp(Frame before, int shift, Random random) {
        int w = before.width();
        int h = before.height();
        int[] pixels = before.copyPixels(before.bounds());
        int listBottom = h - NAV_BAR;
        for (int y = STATUS_BAR; y < listBottom - shift; y++) {
            System.arraycopy(pixels, (y + shift) * w, pixels, y * w, w);
        }
        for (int y = listBottom - shift; y < listBottom; y++) {
            for (int x = 0; x < w; x++) {
                pixels[y * w + x] = random.nextInt(4) == 0 ? random.nextInt() : 0xFFFFFFFF;
            }
        }
        return Frame.wrap(w, h, pixels);
    }

    @Test
    void findsTheShiftOfAScrolledListOnARealScreenshot() {
        Frame before = Screenshots.load(Screenshots.all().get(8));
        Frame after = scrolledUp(before, 137, new Random(5));
        Optional<VerticalScroll> scroll = ScrollDetector.detect(before, after, after.bounds());
        assertThat(scroll).isPresent();
        assertThat(scroll.get().shift()).isEqualTo(137);
        Rect band = scroll.get().destination();
        assertThat(band.y()).isLessThanOrEqualTo(STATUS_BAR);
        assertThat(band.bottom()).isGreaterThanOrEqualTo(before.height() - NAV_BAR - 137);
        assertThat(band.width()).isEqualTo(before.width());
    }

    @Test
    void findsAScrollDownInsideARegion() {
        Frame before = RandomFrames.frame(new Random(9), 300, 800, 0, 1);
        int[] pixels = before.copyPixels(before.bounds());
        Rect region = Rect.of(20, 100, 250, 500);
        // Columns 20..269 of rows 190..599 show what rows 100..509 showed: content moved down 90 rows.
        for (int y = region.bottom() - 1; y >= region.y() + 90; y--) {
            System.arraycopy(before.copyPixels(Rect.of(20, y - 90, 250, 1)), 0, pixels, y * 300 + 20, 250);
        }
        Frame after = Frame.wrap(300, 800, pixels);
        VerticalScroll scroll = ScrollDetector.detect(before, after, region).orElseThrow();
        assertThat(scroll.shift()).isEqualTo(-90);
        assertThat(scroll.destination()).isEqualTo(Rect.of(20, 190, 250, 410));
        assertThat(scroll.sourceY()).isEqualTo(100);
    }

    @Test
    void unrelatedOrIdenticalFramesAreNoScroll() {
        Frame a = RandomFrames.frame(new Random(1), 200, 300, 0, 1);
        Frame b = RandomFrames.frame(new Random(2), 200, 300, 0, 1);
        assertThat(ScrollDetector.detect(a, b, a.bounds())).isEmpty();
        assertThat(ScrollDetector.detect(a, a, a.bounds())).isEmpty();
    }

    @Test
    void copyRectPlusTheRemainingChangesRebuildTheScrolledFrameAtTheViewer() throws Exception {
        Frame before = Screenshots.load(Screenshots.all().get(0));
        Frame after = scrolledUp(before, 211, new Random(8));
        PixelFormat format = PixelFormat.NATURAL;
        int w = before.width();
        int[] viewer = RoundTrip.expected(before, before.bounds(), format);

        VerticalScroll scroll = ScrollDetector.detect(before, after, after.bounds()).orElseThrow();
        ByteSink copy = ByteSink.create();
        CopyRectEncoder.create().encodeCopy(scroll, copy);
        WireReader in = new WireReader(copy.toByteArray());
        copyRect(viewer, w, in.u16(), in.u16(), scroll.destination());
        assertThat(in.remaining()).isZero();

        List<Rect> rest = FrameDiff.changes(scroll.applyTo(before), after);
        long restArea = 0;
        try (ZrleEncoder zrle = ZrleEncoder.create(1)) {
            ZrleDecoder decoder = new ZrleDecoder();
            for (Rect r : rest) {
                restArea += r.area();
                int[] pixels = RoundTrip.zrle(zrle, decoder, after, r, format);
                for (int y = 0; y < r.height(); y++) {
                    System.arraycopy(pixels, y * r.width(), viewer, (r.y() + y) * w + r.x(), r.width());
                }
            }
        }
        RoundTrip.assertSamePixels(viewer, RoundTrip.expected(after, after.bounds(), format), after.bounds(),
                "viewer after CopyRect and ZRLE");
        assertThat(restArea).as("pixels still sent after the CopyRect").isLessThan(after.bounds().area() / 5);
    }

    /** The viewer's CopyRect, through a buffer as RFC 6143 allows overlapping source and destination. */
    private static void copyRect(int[] screen, int width, int srcX, int srcY, Rect dest) {
        int[] band = new int[dest.width() * dest.height()];
        for (int y = 0; y < dest.height(); y++) {
            System.arraycopy(screen, (srcY + y) * width + srcX, band, y * dest.width(), dest.width());
        }
        for (int y = 0; y < dest.height(); y++) {
            System.arraycopy(band, y * dest.width(), screen, (dest.y() + y) * width + dest.x(), dest.width());
        }
    }

    /** A frame remembers the hashes of the rows it was asked for; overlapping asks get the same values as hashing anew. */
    @Test
    void aFramesRememberedRowHashesAreThoseOfItsRows() {
        Frame frame = Screenshots.load(Screenshots.all().get(3));
        int[] first = new int[200];
        frame.wholeRowHashes(100, 300, first);
        int[] overlapping = new int[400];
        frame.wholeRowHashes(200, 600, overlapping);
        for (int y = 100; y < 600; y++) {
            int expected = Frame.rowHash(frame.argb(), y * frame.width(), frame.width());
            if (y < 300) {
                assertThat(first[y - 100]).as("row %d, first ask", y).isEqualTo(expected);
            }
            if (y >= 200) {
                assertThat(overlapping[y - 200]).as("row %d, second ask", y).isEqualTo(expected);
            }
        }
        assertThat(java.util.Arrays.stream(overlapping).distinct().count()).as("rows that differ hash apart")
                .isGreaterThan(50);
    }
}
