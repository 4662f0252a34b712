package dev.tandem.android.capability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.robolectric.Shadows.shadowOf;

import android.app.AppOpsManager;
import android.app.Application;
import android.content.ComponentName;
import android.content.Context;
import android.os.Process;
import android.provider.Settings;
import dev.tandem.android.input.TandemAccessibilityService;
import dev.tandem.android.testing.RemoteControlService;
import dev.tandem.protocol.message.Capabilities;
import dev.tandem.protocol.message.Capability;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.Robolectric;
import org.robolectric.RobolectricTestRunner;
import org.robolectric.RuntimeEnvironment;
import org.robolectric.android.controller.ServiceController;
import org.robolectric.annotation.Config;

@RunWith(RobolectricTestRunner.class)
public class PhoneCapabilitiesTest {
    private final Application app = RuntimeEnvironment.getApplication();

    @Test
    public void aFreshInstallSharesTheScreenButCannotBeControlledAndSaysWhy() {
        Capabilities caps = new PhoneCapabilities(app).current();
        assertThat(caps.chat.available).isTrue();
        assertThat(caps.diagnostics.available).isTrue();
        assertThat(caps.screen.available).isTrue();
        assertThat(caps.control.available).isFalse();
        assertThat(caps.control.reason).isEqualTo(PhoneCapabilities.ACCESSIBILITY_OFF);
        assertThat(caps.control.code).isEqualTo("accessibility_off");
    }

    @Test
    public void theRunningServiceMakesControlAvailableAndItsEndTakesItBack() {
        ServiceController<TandemAccessibilityService> service =
                Robolectric.buildService(TandemAccessibilityService.class).create();
        assertThat(new PhoneCapabilities(app).current().control.available).isFalse();
        RemoteControlService.connect(service.get());
        assertThat(new PhoneCapabilities(app).current().control.available).isTrue();
        assertThat(new PhoneCapabilities(app).controlStep()).isEqualTo(PhoneCapabilities.ControlStep.ON);
        service.destroy();
        assertThat(new PhoneCapabilities(app).current().control.available).isFalse();
    }

    @Test
    public void theSettingsSayingOnIsNotEnoughWithoutTheRunningService() {
        String ours = new ComponentName(app, TandemAccessibilityService.class).flattenToString();
        Settings.Secure.putString(app.getContentResolver(), Settings.Secure.ENABLED_ACCESSIBILITY_SERVICES, ours);
        Capability control = new PhoneCapabilities(app).current().control;
        assertThat(control.available).as("input would be dropped: Android has not bound the service").isFalse();
        assertThat(control.code).isEqualTo("accessibility_off");
    }

    @Test
    @Config(sdk = {33, 34, 35})
    public void aSideloadedInstallOnAndroid13AndLaterIsAtTheRestrictedStepUntilTheCustomerAllowsIt() {
        restrict(AppOpsManager.MODE_ERRORED);
        PhoneCapabilities phone = new PhoneCapabilities(app);
        assertThat(phone.controlStep()).isEqualTo(PhoneCapabilities.ControlStep.RESTRICTED);
        assertThat(phone.control().code).isEqualTo("accessibility_restricted");
        assertThat(phone.control().reason).contains("Allow restricted settings");

        restrict(AppOpsManager.MODE_ALLOWED); // App info > ⋮ > Allow restricted settings
        assertThat(phone.controlStep()).isEqualTo(PhoneCapabilities.ControlStep.OFF);
    }

    @Test
    @Config(sdk = {26, 30})
    public void beforeAndroid13ThereIsNoRestrictedStep() {
        assertThat(new PhoneCapabilities(app).controlStep()).isEqualTo(PhoneCapabilities.ControlStep.OFF);
    }

    private void restrict(int mode) {
        AppOpsManager ops = (AppOpsManager) app.getSystemService(Context.APP_OPS_SERVICE);
        shadowOf(ops).setMode(RestrictedSettings.OP, Process.myUid(), app.getPackageName(), mode);
    }
}
