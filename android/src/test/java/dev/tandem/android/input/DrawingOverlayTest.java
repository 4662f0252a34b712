package dev.tandem.android.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.robolectric.Shadows.shadowOf;

import android.content.Context;
import android.graphics.Bitmap;
import android.graphics.Canvas;
import android.os.Looper;
import android.os.SystemClock;
import android.view.View;
import android.view.WindowManager;
import dev.tandem.agent.drawing.Drawings;
import dev.tandem.agent.drawing.Mark;
import dev.tandem.android.testing.RemoteControlService;
import java.time.Duration;
import java.util.List;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.RobolectricTestRunner;
import org.robolectric.android.controller.ServiceController;
import org.robolectric.annotation.Config;
import org.robolectric.shadow.api.Shadow;
import org.robolectric.shadows.ShadowWindowManagerImpl;

/**
 * Issue 18.7 on Android: the technician's drawings in Tandem's accessibility overlay, on Robolectric's
 * clock (the main looper's, which SystemClock follows): a stroke puts an untouchable overlay window on
 * the screen whose view draws it, and after the fade the window is gone; hiding drawings takes it away
 * at once; with the accessibility service off nothing is shown.
 */
@RunWith(RobolectricTestRunner.class)
@Config(sdk = {26, 34})
public class DrawingOverlayTest {
    private ServiceController<TandemAccessibilityService> service;
    private final Drawings drawings = new Drawings(SystemClock::uptimeMillis);
    private DrawingOverlay overlay;

    @Before
    public void switchOnTheService() {
        service = RemoteControlService.switchedOn();
        overlay = DrawingOverlay.follow(drawings);
    }

    @After
    public void switchOff() {
        service.destroy();
    }

    private List<View> windows() {
        WindowManager manager = (WindowManager) service.get().getSystemService(Context.WINDOW_SERVICE);
        ShadowWindowManagerImpl shadow = Shadow.extract(manager);
        return shadow.getViews();
    }

    private static void idle(long millis) {
        shadowOf(Looper.getMainLooper()).idleFor(Duration.ofMillis(millis));
    }

    @Test
    public void aStrokeShowsInTheOverlayAndGoesAfterTheFade() {
        drawings.show("stroke", new int[][] {{100, 200}, {300, 400}, {500, 200}});
        shadowOf(Looper.getMainLooper()).idle();

        DrawingView view = overlay.view();
        assertThat(view).as("the overlay is on the screen").isNotNull();
        assertThat(windows()).contains(view);
        WindowManager.LayoutParams params = (WindowManager.LayoutParams) view.getLayoutParams();
        assertThat(params.type).isEqualTo(WindowManager.LayoutParams.TYPE_ACCESSIBILITY_OVERLAY);
        assertThat(params.flags & WindowManager.LayoutParams.FLAG_NOT_TOUCHABLE).as("taps go through to the apps").isNotZero();
        assertThat(params.flags & WindowManager.LayoutParams.FLAG_NOT_FOCUSABLE).isNotZero();

        view.draw(new Canvas(Bitmap.createBitmap(1080, 2400, Bitmap.Config.ARGB_8888)));
        assertThat(view.drawn()).singleElement().satisfies(mark -> {
            assertThat(mark.kind()).isEqualTo(Mark.Kind.STROKE);
            assertThat(mark.points()).isDeepEqualTo(new int[][] {{100, 200}, {300, 400}, {500, 200}});
        });

        idle(Drawings.STROKE_MILLIS - 300);
        assertThat(overlay.view()).as("still showing, fading").isSameAs(view);
        idle(500);
        assertThat(overlay.view()).as("gone after the fade").isNull();
        assertThat(windows()).doesNotContain(view);
    }

    @Test
    public void thePointerStaysWhileItMovesAndHidingTakesEverythingAwayAtOnce() {
        drawings.show("pointer", new int[][] {{540, 1200}});
        shadowOf(Looper.getMainLooper()).idle();
        DrawingView view = overlay.view();
        assertThat(view).isNotNull();
        for (int i = 0; i < 5; i++) {
            idle(1000);
            drawings.show("pointer", new int[][] {{540 + i, 1200}});
        }
        shadowOf(Looper.getMainLooper()).idle();
        assertThat(overlay.view()).as("a moving pointer keeps its overlay").isSameAs(view);

        drawings.hide(true);
        shadowOf(Looper.getMainLooper()).idle();
        assertThat(overlay.view()).isNull();
        assertThat(windows()).doesNotContain(view);
        drawings.show("stroke", new int[][] {{1, 1}, {2, 2}});
        shadowOf(Looper.getMainLooper()).idle();
        assertThat(overlay.view()).as("hidden drawings show nothing").isNull();
    }

    @Test
    public void withoutTheAccessibilityServiceNothingIsShown() {
        service.destroy();
        drawings.show("stroke", new int[][] {{1, 1}, {2, 2}});
        shadowOf(Looper.getMainLooper()).idle();
        assertThat(overlay.view()).isNull();
        service = RemoteControlService.switchedOn();
    }
}
