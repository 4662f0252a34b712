package dev.tandem.protocol.message;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** What the phone can do in a session: chat, diagnostics, screen view, remote control. */
public final class Capabilities {
    public final Capability chat;
    public final Capability diagnostics;
    public final Capability screen;
    public final Capability control;

    @JsonCreator
    public Capabilities(@JsonProperty("chat") Capability chat, @JsonProperty("diagnostics") Capability diagnostics,
                        @JsonProperty("screen") Capability screen, @JsonProperty("control") Capability control) {
        this.chat = orMissing(chat);
        this.diagnostics = orMissing(diagnostics);
        this.screen = orMissing(screen);
        this.control = orMissing(control);
    }

    private static Capability orMissing(Capability capability) {
        return capability != null ? capability : Capability.missing("Not reported by the device");
    }
}
