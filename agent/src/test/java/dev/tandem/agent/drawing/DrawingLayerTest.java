package dev.tandem.agent.drawing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.agent.rfb.encoding.Frame;
import dev.tandem.agent.screen.ScreenGeometry;
import dev.tandem.agent.screen.ScreenSize;
import dev.tandem.agent.screen.ScreenSource;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The virtual phone's way of showing drawings: painted into the frames it shares, gone after the fade. */
class DrawingLayerTest {
    private static final int GREY = 0xFF808080;
    private final AtomicLong clock = new AtomicLong(5_000);
    private final Drawings drawings = new Drawings(clock::get);

    /** A plain grey phone screen of 100x200 pixels, captured at {@code frame} size. */
    private static ScreenSource grey(ScreenGeometry geometry) {
        int[] pixels = new int[geometry.frame().width() * geometry.frame().height()];
        Arrays.fill(pixels, GREY);
        Frame frame = Frame.wrap(geometry.frame().width(), geometry.frame().height(), pixels);
        return new ScreenSource() {
            @Override
            public ScreenGeometry geometry() {
                return geometry;
            }

            @Override
            public Frame capture() {
                return frame;
            }
        };
    }

    @Test
    void aStrokeIsPaintedOnTheSharedFrameAndGoneAfterItFaded() {
        ScreenSource screen = grey(ScreenGeometry.natural(ScreenSize.of(100, 200)));
        DrawingLayer layer = DrawingLayer.over(screen, drawings);
        Frame plain = screen.capture();
        assertThat(layer.capture()).as("nothing drawn: the screen's own frame").isSameAs(plain);

        drawings.show("stroke", new int[][] {{10, 100}, {90, 100}});
        Frame drawn = layer.capture();
        assertThat(drawn.pixel(50, 100)).isEqualTo(MarkPainter.RED);
        assertThat(drawn.pixel(50, 150)).as("away from the line").isEqualTo(GREY);
        assertThat(layer.capture()).as("the same picture while nothing changed").isSameAs(drawn);

        clock.addAndGet(Drawings.STROKE_MILLIS);
        assertThat(layer.capture()).isSameAs(plain);
    }

    @Test
    void aSmallerFrameGetsThePointMappedIntoThePhonesPicture() {
        ScreenGeometry half = ScreenGeometry.fitted(ScreenSize.of(100, 200), ScreenSize.of(100, 100));
        DrawingLayer layer = DrawingLayer.over(grey(half), drawings);
        drawings.show("pointer", new int[][] {{50, 100}});
        Frame drawn = layer.capture();
        int x = (int) Math.round(half.pictureX() + 50 * half.scale());
        int y = (int) Math.round(half.pictureY() + 100 * half.scale());
        assertThat(drawn.pixel(x, y)).isEqualTo(MarkPainter.RED);
        assertThat(drawn.pixel(0, 0)).isEqualTo(GREY);
    }
}
