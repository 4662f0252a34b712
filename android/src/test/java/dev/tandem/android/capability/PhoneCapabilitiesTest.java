package dev.tandem.android.capability;

import static org.assertj.core.api.Assertions.assertThat;
import android.app.Application;
import android.content.ComponentName;
import android.provider.Settings;
import org.robolectric.RuntimeEnvironment;
import dev.tandem.android.input.TandemAccessibilityService;
import dev.tandem.protocol.message.Capabilities;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.RobolectricTestRunner;

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
    }

    @Test
    public void switchingOnTheAccessibilityServiceMakesControlAvailable() {
        String ours = new ComponentName(app, TandemAccessibilityService.class).flattenToString();
        Settings.Secure.putString(app.getContentResolver(), Settings.Secure.ENABLED_ACCESSIBILITY_SERVICES,
                "com.example.reader/.ReaderService:" + ours);
        assertThat(new PhoneCapabilities(app).current().control.available).isTrue();
    }

    @Test
    public void anotherAppsServiceDoesNotCount() {
        Settings.Secure.putString(app.getContentResolver(), Settings.Secure.ENABLED_ACCESSIBILITY_SERVICES,
                "com.example.reader/.TandemAccessibilityService");
        assertThat(new PhoneCapabilities(app).accessibilityEnabled()).isFalse();
    }
}
