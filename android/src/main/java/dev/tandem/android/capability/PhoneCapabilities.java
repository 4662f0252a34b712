package dev.tandem.android.capability;

import android.app.admin.DevicePolicyManager;
import android.content.ComponentName;
import android.content.Context;
import android.os.Build;
import android.provider.Settings;
import android.text.TextUtils;
import dev.tandem.android.input.TandemAccessibilityService;
import dev.tandem.protocol.message.Capabilities;
import dev.tandem.protocol.message.Capability;

/**
 * The truth about this phone for the technician's console: chat and diagnostics always; the screen
 * when Android offers MediaProjection and no device policy forbids capture; control when, on top of
 * that, the customer has switched on Tandem's accessibility service. Each "no" carries the reason and
 * what the customer can do. Reads the platform on every call (the customer may change settings
 * while the session runs); thread-safe.
 */
public final class PhoneCapabilities {
    static final String NO_PROJECTION = "This phone offers no screen capture (MediaProjection is missing).";
    static final String POLICY_FORBIDS = "The phone's administrator (work profile or device policy) forbids screen capture.";
    static final String ACCESSIBILITY_OFF = "The customer has not switched on Tandem remote control in the phone's "
            + "accessibility settings yet; the app guides them there.";
    static final String TOO_OLD = "Remote control needs Android 7.0 or newer.";

    private final Context context;

    public PhoneCapabilities(Context context) {
        this.context = context.getApplicationContext() != null ? context.getApplicationContext() : context;
    }

    public Capabilities current() {
        Capability screen = screen();
        Capability control = screen.available ? control() : Capability.missing("Remote control needs screen sharing: "
                + screen.reason);
        return new Capabilities(Capability.available(), Capability.available(), screen, control);
    }

    public Capability screen() {
        if (context.getSystemService(Context.MEDIA_PROJECTION_SERVICE) == null) {
            return Capability.missing(NO_PROJECTION);
        }
        DevicePolicyManager policy = (DevicePolicyManager) context.getSystemService(Context.DEVICE_POLICY_SERVICE);
        if (policy != null && policy.getScreenCaptureDisabled(null)) {
            return Capability.missing(POLICY_FORBIDS);
        }
        return Capability.available();
    }

    public Capability control() {
        if (Build.VERSION.SDK_INT < 24) {
            return Capability.missing(TOO_OLD);
        }
        return accessibilityEnabled() ? Capability.available() : Capability.missing(ACCESSIBILITY_OFF);
    }

    /** Whether the customer switched Tandem's accessibility service on in the settings. */
    public boolean accessibilityEnabled() {
        String enabled = Settings.Secure.getString(context.getContentResolver(),
                Settings.Secure.ENABLED_ACCESSIBILITY_SERVICES);
        if (enabled == null || enabled.isEmpty()) {
            return false;
        }
        ComponentName ours = new ComponentName(context, TandemAccessibilityService.class);
        TextUtils.SimpleStringSplitter services = new TextUtils.SimpleStringSplitter(':');
        services.setString(enabled);
        for (String service : services) {
            ComponentName named = ComponentName.unflattenFromString(service);
            if (ours.equals(named)) {
                return true;
            }
        }
        return false;
    }

}
