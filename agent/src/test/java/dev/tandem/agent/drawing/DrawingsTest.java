package dev.tandem.agent.drawing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** What shows of the technician's drawings, and when it goes, on a clock the test moves. */
class DrawingsTest {
    private final AtomicLong clock = new AtomicLong(1_000);
    private final Drawings drawings = new Drawings(clock::get);
    private final List<String> told = new ArrayList<>();

    DrawingsTest() {
        drawings.listen(new Drawings.Listener() {
            @Override
            public void shown(Mark mark) {
                told.add("shown " + mark.kindName());
            }

            @Override
            public void faded(Mark mark) {
                told.add("faded " + mark.kindName());
            }

            @Override
            public void hiddenChanged(boolean hidden) {
                told.add(hidden ? "hidden" : "shown again");
            }
        });
    }

    @Test
    void aStrokeShowsThenFadesAfterThreeSeconds() {
        assertThat(drawings.show("stroke", new int[][] {{10, 10}, {200, 300}})).isTrue();
        assertThat(drawings.visible()).hasSize(1);
        clock.addAndGet(Drawings.STROKE_MILLIS - Drawings.FADE_MILLIS / 2);
        Mark fading = drawings.visible().get(0);
        assertThat(fading.opacity(clock.get())).isBetween(0.4f, 0.6f);
        clock.addAndGet(Drawings.FADE_MILLIS);
        assertThat(drawings.visible()).isEmpty();
        assertThat(drawings.nextChangeIn()).isEqualTo(-1);
        assertThat(told).containsExactly("shown stroke", "faded stroke");
    }

    @Test
    void thePointerStaysWhileItMovesAndGoesSoonAfterItStops() {
        drawings.show("pointer", new int[][] {{500, 500}});
        for (int i = 0; i < 10; i++) {
            clock.addAndGet(1_000);
            drawings.show("pointer", new int[][] {{500 + i, 500}});
            int x = 500 + i;
            assertThat(drawings.visible()).singleElement().satisfies(m -> assertThat(m.points()[0][0]).isEqualTo(x));
        }
        clock.addAndGet(Drawings.POINTER_MILLIS);
        assertThat(drawings.visible()).isEmpty();
        assertThat(told).as("one pointer appeared and faded, not one per move").containsExactly("shown pointer", "faded pointer");
    }

    @Test
    void hiddenDrawingsShowNothingAndDropWhatArrives() {
        drawings.show("stroke", new int[][] {{1, 1}, {2, 2}});
        drawings.hide(true);
        assertThat(drawings.visible()).isEmpty();
        assertThat(drawings.show("pointer", new int[][] {{3, 3}})).isFalse();
        assertThat(drawings.visible()).isEmpty();
        drawings.hide(false);
        assertThat(drawings.show("pointer", new int[][] {{3, 3}})).isTrue();
        assertThat(told).containsExactly("shown stroke", "faded stroke", "hidden", "shown again", "shown pointer");
    }

    @Test
    void whatIsNotADrawingIsIgnored() {
        assertThat(drawings.show("circle", new int[][] {{1, 1}})).isFalse();
        assertThat(drawings.show("stroke", new int[][] {{1, 1}})).isFalse();
        assertThat(drawings.show("pointer", new int[][] {{1}})).isFalse();
        assertThat(drawings.show("pointer", null)).isFalse();
        assertThat(drawings.visible()).isEmpty();
    }

    @Test
    void aFloodKeepsOnlyTheNewestStrokes() {
        for (int i = 0; i < Drawings.MAX_STROKES + 10; i++) {
            drawings.show("stroke", new int[][] {{i, 0}, {i, 10}});
        }
        List<Mark> shown = drawings.visible();
        assertThat(shown).hasSize(Drawings.MAX_STROKES);
        assertThat(shown.get(0).points()[0][0]).isEqualTo(10);
    }
}
