package dev.tandem.android.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.robolectric.Shadows.shadowOf;

import android.accessibilityservice.AccessibilityService;
import android.accessibilityservice.GestureDescription;
import android.app.Application;
import android.content.Context;
import android.graphics.RectF;
import android.os.Build;
import android.os.PowerManager;
import dev.tandem.agent.screen.KeyboardKey;
import dev.tandem.agent.screen.SoftKey;
import dev.tandem.android.testing.RemoteControlService;
import java.util.List;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.Robolectric;
import org.robolectric.RobolectricTestRunner;
import org.robolectric.RuntimeEnvironment;
import org.robolectric.android.controller.ServiceController;
import org.robolectric.annotation.Config;
import org.robolectric.shadows.ShadowAccessibilityService;
import org.robolectric.shadows.ShadowPowerManager;

/**
 * The technician's input through Tandem's accessibility service, as Android receives it (Robolectric's
 * service records the gestures and global actions): a live finger made of continued strokes, the
 * wheel as a swipe that stops before it lifts, soft keys, the D-pad on 13+, and waking a dark screen.
 */
@RunWith(RobolectricTestRunner.class)
@Config(sdk = {26, 29, 30, 33, 34, 35})
public class AccessibilityInputTest {
    private final Application app = RuntimeEnvironment.getApplication();
    private ServiceController<TandemAccessibilityService> service;
    private AccessibilityInput input;

    @Before
    public void switchOnTheService() {
        service = RemoteControlService.switchedOn();
        input = new AccessibilityInput(app, new AndroidClipboard(app));
    }

    @After
    public void switchOff() {
        service.destroy();
    }

    private List<ShadowAccessibilityService.GestureDispatch> dispatched() {
        return shadowOf(service.get()).getGesturesDispatched();
    }

    private GestureDescription.StrokeDescription stroke(int index) {
        return dispatched().get(index).description().getStroke(0);
    }

    private void played(int index) {
        ShadowAccessibilityService.GestureDispatch dispatch = dispatched().get(index);
        dispatch.callback().onCompleted(dispatch.description());
    }

    private static RectF bounds(GestureDescription.StrokeDescription stroke) {
        RectF bounds = new RectF();
        stroke.getPath().computeBounds(bounds, true);
        return bounds;
    }

    @Test
    public void theFingerGoesDownStaysDownWhileItMovesAndLiftsOnRelease() {
        input.touchDown(100, 200);
        assertThat(dispatched()).hasSize(1);
        assertThat(stroke(0).willContinue()).as("the finger stays down").isTrue();
        played(0);

        input.touchMove(100, 400);
        assertThat(dispatched()).hasSize(2);
        assertThat(stroke(1).willContinue()).isTrue();
        assertThat(bounds(stroke(1)).bottom).isEqualTo(400f);
        played(1);

        input.touchUp(100, 400);
        assertThat(dispatched()).hasSize(3);
        assertThat(stroke(2).willContinue()).as("lifted").isFalse();
    }

    @Test
    public void movesThatArriveWhileAPieceIsPlayingAreJoinedIntoTheNext() {
        input.touchDown(300, 300);
        input.touchMove(300, 350);
        input.touchMove(300, 420);
        input.touchMove(300, 500);
        assertThat(dispatched()).as("Android is still playing the press").hasSize(1);
        played(0);
        assertThat(dispatched()).hasSize(2);
        assertThat(bounds(stroke(1)).top).isEqualTo(300f);
        assertThat(bounds(stroke(1)).bottom).as("straight to the newest point").isEqualTo(500f);
    }

    @Test
    public void aHeldButtonIsAFingerThatSimplyStaysDown() {
        input.touchDown(50, 60);
        played(0);
        assertThat(dispatched()).hasSize(1); // nothing more until the release: Android sees a long press
        input.touchUp(50, 60);
        assertThat(stroke(1).willContinue()).isFalse();
        assertThat(bounds(stroke(1)).left).isEqualTo(50f);
    }

    @Test
    public void whenAndroidCancelsTheFingerIsGoneUntilTheNextPress() {
        input.touchDown(10, 10);
        ShadowAccessibilityService.GestureDispatch press = dispatched().get(0);
        press.callback().onCancelled(press.description()); // e.g. the customer touched the screen
        input.touchMove(10, 200);
        input.touchUp(10, 200);
        assertThat(dispatched()).hasSize(1);
        input.touchDown(20, 20);
        assertThat(dispatched()).hasSize(2);
    }

    @Test
    public void theWheelIsASwipeThatHoldsStillBeforeLifting() {
        input.scroll(100, 300, 0, 2);
        assertThat(dispatched()).hasSize(1);
        RectF swipe = bounds(stroke(0));
        assertThat(swipe.bottom).isEqualTo(300f);
        assertThat(swipe.top).as("content moves up: the finger goes up").isLessThan(300f);
        assertThat(stroke(0).willContinue()).isTrue();
        played(0);
        assertThat(dispatched()).hasSize(2);
        assertThat(stroke(1).willContinue()).as("a hold, then the lift: no fling").isFalse();
        assertThat(stroke(1).getDuration()).isEqualTo(Finger.SCROLL_HOLD_MILLIS);
    }

    @Test
    public void softKeysAreGlobalActionsAndArrowsWithoutAFieldAreTheDpadOn13() {
        input.softKey(SoftKey.BACK);
        input.softKey(SoftKey.HOME);
        input.softKey(SoftKey.RECENTS);
        input.key(KeyboardKey.LEFT);
        List<Integer> actions = shadowOf(service.get()).getGlobalActionsPerformed();
        assertThat(actions).startsWith(AccessibilityService.GLOBAL_ACTION_BACK, AccessibilityService.GLOBAL_ACTION_HOME,
                AccessibilityService.GLOBAL_ACTION_RECENTS);
        if (Build.VERSION.SDK_INT >= 33) {
            assertThat(actions).endsWith(AccessibilityService.GLOBAL_ACTION_DPAD_LEFT);
        } else {
            assertThat(actions).hasSize(3);
        }
    }

    @Test
    public void inputWakesADarkScreenAndLeavesALitOneAlone() {
        ShadowPowerManager power = shadowOf((PowerManager) app.getSystemService(Context.POWER_SERVICE));
        ShadowPowerManager.clearWakeLocks();
        power.setIsInteractive(true);
        input.wake();
        assertThat(ShadowPowerManager.getLatestWakeLock()).isNull();

        power.setIsInteractive(false);
        input.wake();
        PowerManager.WakeLock lock = ShadowPowerManager.getLatestWakeLock();
        assertThat(lock).isNotNull();
        assertThat(lock.isHeld()).isTrue();
    }

    @Test
    public void withTheServiceSwitchedOffInputIsDropped() {
        service.destroy();
        input.touchDown(1, 1);
        input.softKey(SoftKey.BACK);
        assertThat(TandemAccessibilityService.connected()).isNull();
        service = Robolectric.buildService(TandemAccessibilityService.class).create(); // for @After
    }
}
