package dev.tandem.android.screen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.agent.rfb.encoding.Frame;
import dev.tandem.agent.screen.ScreenGeometry;
import dev.tandem.agent.screen.ScreenSize;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.RobolectricTestRunner;

/**
 * The capture's sizes before Android hands over a projection (Robolectric has none to give): the
 * viewer's size and the phone's rotation decide the frame size and the geometry that maps taps back,
 * and every change wakes the viewers. With a projection the same sizes go to the one VirtualDisplay
 * (checked on a real phone, see the five-minute check).
 */
@RunWith(RobolectricTestRunner.class)
public class ProjectionScreenTest {
    private final ProjectionScreen screen = new ProjectionScreen(1080, 2400, 420);
    private final int[] wakes = new int[1];

    private ProjectionScreen watched() {
        screen.watch(() -> wakes[0]++);
        return screen;
    }

    @Test
    public void itStartsAtThePhonesOwnSize() {
        assertThat(screen.geometry()).isEqualTo(ScreenGeometry.natural(ScreenSize.of(1080, 2400)));
        Frame black = screen.capture();
        assertThat(black.width()).isEqualTo(1080);
        assertThat(black.pixel(500, 500)).isEqualTo(0xFF000000);
        assertThat(screen.capture()).as("nothing new: the same frame").isSameAs(black);
    }

    @Test
    public void aViewersSizeIsCapturedWithThePhoneFittedInsideAndItsTapsMapBack() {
        assertThat(watched().resize(ScreenSize.of(450, 800))).isTrue();
        assertThat(wakes[0]).isEqualTo(1);
        ScreenGeometry geometry = screen.geometry();
        assertThat(geometry.frame()).isEqualTo(ScreenSize.of(450, 800));
        assertThat(geometry.phone()).isEqualTo(ScreenSize.of(1080, 2400));
        assertThat(screen.capture().width()).isEqualTo(450);
        assertThat(geometry.phoneX(geometry.pictureX() + geometry.pictureWidth() / 2)).isBetween(538, 542);

        screen.resizeToPhone();
        assertThat(screen.geometry().isNatural()).isTrue();
        assertThat(screen.capture().width()).isEqualTo(1080);
        assertThat(wakes[0]).isEqualTo(2);
    }

    @Test
    public void atThePhonesOwnSizeARotationTurnsTheFrame() {
        watched().phoneRotated(2400, 1080, 420);
        assertThat(screen.geometry()).isEqualTo(ScreenGeometry.natural(ScreenSize.of(2400, 1080)));
        assertThat(screen.capture().width()).isEqualTo(2400);
        assertThat(wakes[0]).isEqualTo(1);
        screen.phoneRotated(2400, 1080, 420);
        assertThat(wakes[0]).as("no change, no wake-up").isEqualTo(1);
    }

    @Test
    public void atAViewersSizeARotationKeepsTheFrameAndFitsTheTurnedPhoneAnew() {
        screen.resize(ScreenSize.of(450, 800));
        screen.phoneRotated(2400, 1080, 420);
        ScreenGeometry geometry = screen.geometry();
        assertThat(geometry.frame()).isEqualTo(ScreenSize.of(450, 800));
        assertThat(geometry.phone()).isEqualTo(ScreenSize.of(2400, 1080));
        assertThat(geometry.pictureWidth()).isEqualTo(450);
        assertThat(geometry.pictureHeight()).isLessThan(800);
    }
}
