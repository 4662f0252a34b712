package dev.tandem.device;

import dev.tandem.protocol.message.Capabilities;
import dev.tandem.protocol.message.Capability;
import dev.tandem.protocol.message.DeviceInfo;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The kinds of phone the virtual device can be, after the seed's three apps: Samsung and LG phones
 * get chat, diagnostics, screen sharing and remote control; every other phone gets chat and
 * diagnostics only.
 */
public enum DeviceProfile {
    SAMSUNG("samsung", "samsung", "SM-S918B", "Galaxy S23 Ultra", "14", 34, true),
    LG("lg", "LGE", "LM-V600", "LG VELVET", "13", 33, true),
    GENERIC("generic", "motorola", "moto g54 5G", "moto g54 5G", "14", 34, false);

    /** Why a generic phone cannot share its screen or be controlled; shown to the technician. */
    public static final String CHAT_ONLY_REASON = "This phone's Tandem app is chat-only: screen sharing and remote"
            + " control are offered on Samsung and LG phones.";

    private final String cliName;
    private final String manufacturer;
    private final String model;
    private final String marketingName;
    private final String androidVersion;
    private final int apiLevel;
    private final boolean screenAndControl;

    DeviceProfile(String cliName, String manufacturer, String model, String marketingName, String androidVersion,
                  int apiLevel, boolean screenAndControl) {
        this.cliName = cliName;
        this.manufacturer = manufacturer;
        this.model = model;
        this.marketingName = marketingName;
        this.androidVersion = androidVersion;
        this.apiLevel = apiLevel;
        this.screenAndControl = screenAndControl;
    }

    /** The name on the command line and in {@code device.profile}: {@code samsung}, {@code lg}, {@code generic}. */
    public String cliName() { return cliName; }

    /** The name on the box, e.g. {@code Galaxy S23 Ultra}; {@link DeviceInfo#model} is the model number. */
    public String marketingName() { return marketingName; }

    /** Who the phone is, as the technician sees it next to the chat. */
    public DeviceInfo deviceInfo() {
        return new DeviceInfo(manufacturer, model, androidVersion, apiLevel, cliName);
    }

    /** What the phone's Tandem app can do. */
    public Capabilities capabilities() {
        Capability screen = screenAndControl ? Capability.available() : Capability.missing(CHAT_ONLY_REASON);
        Capability control = screenAndControl ? Capability.available() : Capability.missing(CHAT_ONLY_REASON);
        return new Capabilities(Capability.available(), Capability.available(), screen, control);
    }

    /** The profile called {@code name} on the command line (any case), or empty. */
    public static Optional<DeviceProfile> fromCliName(String name) {
        String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(profile -> profile.cliName.equals(wanted)).findFirst();
    }

    /** {@code samsung|lg|generic}, for messages and help. */
    public static String cliNames() {
        return Arrays.stream(values()).map(DeviceProfile::cliName).collect(Collectors.joining("|"));
    }
}
