package dev.tandem.device.diagnostics;

import dev.tandem.agent.diagnostics.PermissionState;
import dev.tandem.device.DeviceProfile;
import dev.tandem.protocol.diagnostics.Grant;
import dev.tandem.protocol.diagnostics.PermissionsSection;
import dev.tandem.protocol.diagnostics.Reading;

/**
 * Screen capture and accessibility on the virtual phone: on a phone that can share its screen both
 * start not granted and become granted when the customer consents; on a chat-only phone neither
 * exists, with {@link DeviceProfile#CHAT_ONLY_REASON}. Thread-safe.
 */
public final class VirtualPermissions implements PermissionState {
    static final String AWAITING_CONSENT = "waiting for the customer's consent";

    private final boolean supported;
    private volatile boolean screenCapture;
    private volatile boolean accessibility;

    private VirtualPermissions(boolean supported) {
        this.supported = supported;
    }

    public static VirtualPermissions forProfile(DeviceProfile profile) {
        return new VirtualPermissions(profile.capabilities().screen.available);
    }

    /** The customer allowed screen sharing. Ignored on a chat-only phone. */
    public void grantScreenCapture() {
        screenCapture = supported;
    }

    /** The customer allowed remote control. Ignored on a chat-only phone. */
    public void grantAccessibility() {
        accessibility = supported;
    }

    /**
     * What the customer allows right now: screen capture with the screen, accessibility with
     * control. Ignored on a chat-only phone.
     */
    public void follow(boolean screen, boolean control) {
        screenCapture = supported && screen;
        accessibility = supported && control;
    }

    /** The customer stopped sharing: both permissions are withdrawn. */
    public void revoke() {
        screenCapture = false;
        accessibility = false;
    }

    @Override
    public PermissionsSection read() {
        return new PermissionsSection(reading(screenCapture), reading(accessibility));
    }

    private Reading<Grant> reading(boolean granted) {
        if (!supported) {
            return Reading.unavailable(DeviceProfile.CHAT_ONLY_REASON);
        }
        return Reading.of(granted ? Grant.granted() : Grant.notGranted(AWAITING_CONSENT));
    }
}
