package dev.tandem.android.capability;

import android.app.admin.DevicePolicyManager;
import android.content.Context;
import dev.tandem.android.input.TandemAccessibilityService;
import dev.tandem.protocol.message.Capabilities;
import dev.tandem.protocol.message.Capability;

/**
 * The truth about this phone for the technician's console: chat and diagnostics always; the screen
 * when Android offers MediaProjection and no device policy forbids capture; control when, on top of
 * that, Tandem's accessibility service is running (Android has bound it: the live service, not the
 * settings, decides whether input lands). Each "no" carries the reason and what the customer can do;
 * remote control also names the step the customer is on ({@link ControlStep}) for the console.
 * Reads the platform on every call (the customer may change settings while the session runs);
 * thread-safe.
 */
public final class PhoneCapabilities {
    /** Where the customer stands with remote control. */
    public enum ControlStep {
        /** Android blocks the service until the customer allows restricted settings (13+, installed from a file). */
        RESTRICTED("accessibility_restricted"),
        /** The service is switched off (or Android has not bound it yet). */
        OFF("accessibility_off"),
        ON(null);

        private final String code;

        ControlStep(String code) {
            this.code = code;
        }

        /** The code the console knows the step by; null when control is available. */
        public String code() {
            return code;
        }
    }

    static final String NO_PROJECTION = "This phone offers no screen capture (MediaProjection is missing).";
    static final String POLICY_FORBIDS = "The phone's administrator (work profile or device policy) forbids screen capture.";
    static final String ACCESSIBILITY_OFF = "The customer has not switched on Tandem remote control in the phone's "
            + "accessibility settings yet; the app guides them there.";
    static final String BLOCKED_BY_ANDROID = "Android blocks Tandem remote control because the app was installed from a "
            + "file; the app guides the customer through App info \u2192 \u22EE \u2192 \"Allow restricted settings\" "
            + "and then to the accessibility settings.";

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
        switch (controlStep()) {
            case ON:
                return Capability.available();
            case RESTRICTED:
                return Capability.missing(BLOCKED_BY_ANDROID, ControlStep.RESTRICTED.code());
            default:
                return Capability.missing(ACCESSIBILITY_OFF, ControlStep.OFF.code());
        }
    }

    /** The step the customer is on: the service running, switched off, or blocked by Android. */
    public ControlStep controlStep() {
        if (accessibilityEnabled()) {
            return ControlStep.ON;
        }
        return RestrictedSettings.blocked(context) ? ControlStep.RESTRICTED : ControlStep.OFF;
    }

    /** Whether Tandem's accessibility service is running now, so that input lands. */
    public boolean accessibilityEnabled() {
        return TandemAccessibilityService.connected() != null;
    }

}
