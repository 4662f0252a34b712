package dev.tandem.agent.sharing;

import dev.tandem.agent.rfb.session.StreamSettings;
import dev.tandem.agent.screen.PhoneInput;
import dev.tandem.agent.screen.ScreenSource;
import java.util.Objects;

/**
 * What a phone that can share its screen gives the agent: where the pixels come from, where the
 * technician's input goes, and how its RFB streams behave. Immutable.
 */
public final class ScreenAccess {
    private final ScreenSource screen;
    private final PhoneInput input;
    private final StreamSettings settings;

    private ScreenAccess(ScreenSource screen, PhoneInput input, StreamSettings settings) {
        this.screen = Objects.requireNonNull(screen, "screen");
        this.input = Objects.requireNonNull(input, "input");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public static ScreenAccess of(ScreenSource screen, PhoneInput input, StreamSettings settings) {
        return new ScreenAccess(screen, input, settings);
    }

    public ScreenSource screen() {
        return screen;
    }

    public PhoneInput input() {
        return input;
    }

    public StreamSettings settings() {
        return settings;
    }
}
